/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8186cf9d801f959b054c7414190d7af62cf68da4 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_ValidationException_getErrors, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Client___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, configFile, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Client_configFile, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Client_ping, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Client_version arginfo_class_Relais_Client_configFile

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_jobs, 0, 0, Relais\\Jobs, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_flows, 0, 0, Relais\\Flows, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_nodes, 0, 0, Relais\\\116odes, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_users, 0, 0, Relais\\\125sers, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_partners, 0, 0, Relais\\Partners, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_sage, 0, 0, Relais\\Sage\\Connector, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_sageExports, 0, 0, Relais\\Sage\\Exports, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Client_settings arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Client_system, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, softwarePath, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Client_storeUsage arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Client_mssanteProof, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, fqdn, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, imapPort, IS_LONG, 0, "143")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, smtpPort, IS_LONG, 0, "587")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, producedBy, IS_STRING, 0, "\"extension PHP\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_submit, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, flow, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, files, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, submittedBy, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_submitMany, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, submissions, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, submittedBy, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_get, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, withLog, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_list, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "50")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cursor, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_logs, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "500")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_logPage, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, level, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "1000")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cursor, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_documents, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Jobs_readDocument, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, documentId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_cancel, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, by, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Jobs_pause arginfo_class_Relais_Jobs_cancel

#define arginfo_class_Relais_Jobs_resume arginfo_class_Relais_Jobs_cancel

#define arginfo_class_Relais_Jobs_retry arginfo_class_Relais_Jobs_cancel

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_cancelMany, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ids, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, by, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Jobs_retryMany arginfo_class_Relais_Jobs_cancelMany

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_document, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, documentId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_preview, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, documentId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxBytes, IS_LONG, 0, "65536")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_failuresByFlow, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, hours, IS_LONG, 0, "24")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "5")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Jobs_lastJobByFlow arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_stats, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, hours, IS_LONG, 0, "24")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Flows_list arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_get, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, version, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_versions, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_save, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_MASK(0, definition, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_enable, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, on, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_export, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, version, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_diff, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, fromVersion, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, toVersion, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Nodes_list arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_authenticate, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_authenticateCertificate, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, subject, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, serial, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_bindCertificate, 0, 3, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, subject, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, serial, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_setLanguage, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, language, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_unlock, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Users_roles arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_permissions, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, role, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Users_list arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_get, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_create, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, role, IS_STRING, 0, "\"viewer\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_setPassword, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_setRole, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, role, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_enable, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, on, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_audit, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, action, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, target, IS_STRING, 0, "\"\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, details, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, clientIp, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_auditLog, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "100")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cursor, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Partners_list arginfo_class_Relais_ValidationException_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_get, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_save, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, partner, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_enable, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, on, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_addCertificate, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, certificate, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, by, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_removeCertificate, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, certificateId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_expiringCertificates, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, days, IS_LONG, 0, "30")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Partners_edifact arginfo_class_Relais_Partners_get

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Partners_saveEdifact, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Sage_Connector___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, dsn, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, user, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, password, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Sage_Connector_import, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, pivotFile, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Sage_Connector_export, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, criteria, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Sage_Exports_folder arginfo_class_Relais_Client_configFile

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Sage_Exports_run, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, criteria, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Sage_Exports_latest, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "10")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Sage_Exports_open, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, run, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Ws_PaService___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, client, Relais\\Client, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, caller, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_PaService_CreerDossierPA, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, request, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Ws_PaService_ConsulterDossierPA arginfo_class_Relais_Ws_PaService_CreerDossierPA

#define arginfo_class_Relais_Ws_PaService_GenererJetonSecuritePA arginfo_class_Relais_Ws_PaService_CreerDossierPA

#define arginfo_class_Relais_Ws_PaService_CreerDossier arginfo_class_Relais_Ws_PaService_CreerDossierPA

#define arginfo_class_Relais_Ws_ExchangeService___construct arginfo_class_Relais_Ws_PaService___construct

#define arginfo_class_Relais_Ws_ExchangeService_DeposerDocument arginfo_class_Relais_Ws_PaService_CreerDossierPA

#define arginfo_class_Relais_Ws_ExchangeService_ConsulterStatut arginfo_class_Relais_Ws_PaService_CreerDossierPA

#define arginfo_class_Relais_Ws_ExchangeService_RecupererDocument arginfo_class_Relais_Ws_PaService_CreerDossierPA

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Envelope_check, 0, 4, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, contentType, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, maxBytes, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, namespace, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Envelope_tooLarge, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, contentType, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, maxBytes, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Envelope_unpackMtom, 0, 3, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, contentType, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, maxBytes, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Ws_Directory___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, client, Relais\\Client, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_dossiers, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "50")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cursor, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, text, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Ws_Directory_dossier arginfo_class_Relais_Jobs_documents

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_dossierCount, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_redeemToken, 0, 1, IS_LONG, 1)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Relais_Ws_Directory_applications arginfo_class_Relais_ValidationException_getErrors

#define arginfo_class_Relais_Ws_Directory_application arginfo_class_Relais_Flows_versions

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_saveApplication, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, services, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, username, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, enabled, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_setApplicationCertificate, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, certificate, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_newApplicationSecret, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Ws_Directory_removeApplication, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Relais_ValidationException, getErrors);
ZEND_METHOD(Relais_Client, __construct);
ZEND_METHOD(Relais_Client, configFile);
ZEND_METHOD(Relais_Client, ping);
ZEND_METHOD(Relais_Client, version);
ZEND_METHOD(Relais_Client, jobs);
ZEND_METHOD(Relais_Client, flows);
ZEND_METHOD(Relais_Client, nodes);
ZEND_METHOD(Relais_Client, users);
ZEND_METHOD(Relais_Client, partners);
ZEND_METHOD(Relais_Client, sage);
ZEND_METHOD(Relais_Client, sageExports);
ZEND_METHOD(Relais_Client, settings);
ZEND_METHOD(Relais_Client, system);
ZEND_METHOD(Relais_Client, storeUsage);
ZEND_METHOD(Relais_Client, mssanteProof);
ZEND_METHOD(Relais_Jobs, submit);
ZEND_METHOD(Relais_Jobs, submitMany);
ZEND_METHOD(Relais_Jobs, get);
ZEND_METHOD(Relais_Jobs, list);
ZEND_METHOD(Relais_Jobs, logs);
ZEND_METHOD(Relais_Jobs, logPage);
ZEND_METHOD(Relais_Jobs, documents);
ZEND_METHOD(Relais_Jobs, readDocument);
ZEND_METHOD(Relais_Jobs, cancel);
ZEND_METHOD(Relais_Jobs, pause);
ZEND_METHOD(Relais_Jobs, resume);
ZEND_METHOD(Relais_Jobs, retry);
ZEND_METHOD(Relais_Jobs, cancelMany);
ZEND_METHOD(Relais_Jobs, retryMany);
ZEND_METHOD(Relais_Jobs, document);
ZEND_METHOD(Relais_Jobs, preview);
ZEND_METHOD(Relais_Jobs, failuresByFlow);
ZEND_METHOD(Relais_Jobs, lastJobByFlow);
ZEND_METHOD(Relais_Jobs, stats);
ZEND_METHOD(Relais_Flows, list);
ZEND_METHOD(Relais_Flows, get);
ZEND_METHOD(Relais_Flows, versions);
ZEND_METHOD(Relais_Flows, save);
ZEND_METHOD(Relais_Flows, enable);
ZEND_METHOD(Relais_Flows, export);
ZEND_METHOD(Relais_Flows, diff);
ZEND_METHOD(Relais_Nodes, list);
ZEND_METHOD(Relais_Users, authenticate);
ZEND_METHOD(Relais_Users, authenticateCertificate);
ZEND_METHOD(Relais_Users, bindCertificate);
ZEND_METHOD(Relais_Users, setLanguage);
ZEND_METHOD(Relais_Users, unlock);
ZEND_METHOD(Relais_Users, roles);
ZEND_METHOD(Relais_Users, permissions);
ZEND_METHOD(Relais_Users, list);
ZEND_METHOD(Relais_Users, get);
ZEND_METHOD(Relais_Users, create);
ZEND_METHOD(Relais_Users, setPassword);
ZEND_METHOD(Relais_Users, setRole);
ZEND_METHOD(Relais_Users, enable);
ZEND_METHOD(Relais_Users, audit);
ZEND_METHOD(Relais_Users, auditLog);
ZEND_METHOD(Relais_Partners, list);
ZEND_METHOD(Relais_Partners, get);
ZEND_METHOD(Relais_Partners, save);
ZEND_METHOD(Relais_Partners, enable);
ZEND_METHOD(Relais_Partners, addCertificate);
ZEND_METHOD(Relais_Partners, removeCertificate);
ZEND_METHOD(Relais_Partners, expiringCertificates);
ZEND_METHOD(Relais_Partners, edifact);
ZEND_METHOD(Relais_Partners, saveEdifact);
ZEND_METHOD(Relais_Sage_Connector, __construct);
ZEND_METHOD(Relais_Sage_Connector, import);
ZEND_METHOD(Relais_Sage_Connector, export);
ZEND_METHOD(Relais_Sage_Exports, folder);
ZEND_METHOD(Relais_Sage_Exports, run);
ZEND_METHOD(Relais_Sage_Exports, latest);
ZEND_METHOD(Relais_Sage_Exports, open);
ZEND_METHOD(Relais_Ws_PaService, __construct);
ZEND_METHOD(Relais_Ws_PaService, CreerDossierPA);
ZEND_METHOD(Relais_Ws_PaService, ConsulterDossierPA);
ZEND_METHOD(Relais_Ws_PaService, GenererJetonSecuritePA);
ZEND_METHOD(Relais_Ws_PaService, CreerDossier);
ZEND_METHOD(Relais_Ws_ExchangeService, __construct);
ZEND_METHOD(Relais_Ws_ExchangeService, DeposerDocument);
ZEND_METHOD(Relais_Ws_ExchangeService, ConsulterStatut);
ZEND_METHOD(Relais_Ws_ExchangeService, RecupererDocument);
ZEND_METHOD(Relais_Ws_Envelope, check);
ZEND_METHOD(Relais_Ws_Envelope, tooLarge);
ZEND_METHOD(Relais_Ws_Envelope, unpackMtom);
ZEND_METHOD(Relais_Ws_Directory, __construct);
ZEND_METHOD(Relais_Ws_Directory, dossiers);
ZEND_METHOD(Relais_Ws_Directory, dossier);
ZEND_METHOD(Relais_Ws_Directory, dossierCount);
ZEND_METHOD(Relais_Ws_Directory, redeemToken);
ZEND_METHOD(Relais_Ws_Directory, applications);
ZEND_METHOD(Relais_Ws_Directory, application);
ZEND_METHOD(Relais_Ws_Directory, saveApplication);
ZEND_METHOD(Relais_Ws_Directory, setApplicationCertificate);
ZEND_METHOD(Relais_Ws_Directory, newApplicationSecret);
ZEND_METHOD(Relais_Ws_Directory, removeApplication);


static const zend_function_entry class_Relais_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_NotFoundException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_ValidationException_methods[] = {
	ZEND_ME(Relais_ValidationException, getErrors, arginfo_class_Relais_ValidationException_getErrors, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_ConnectionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_ConflictException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Client_methods[] = {
	ZEND_ME(Relais_Client, __construct, arginfo_class_Relais_Client___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, configFile, arginfo_class_Relais_Client_configFile, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, ping, arginfo_class_Relais_Client_ping, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, version, arginfo_class_Relais_Client_version, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, jobs, arginfo_class_Relais_Client_jobs, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, flows, arginfo_class_Relais_Client_flows, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, nodes, arginfo_class_Relais_Client_nodes, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, users, arginfo_class_Relais_Client_users, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, partners, arginfo_class_Relais_Client_partners, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, sage, arginfo_class_Relais_Client_sage, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, sageExports, arginfo_class_Relais_Client_sageExports, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, settings, arginfo_class_Relais_Client_settings, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, system, arginfo_class_Relais_Client_system, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, storeUsage, arginfo_class_Relais_Client_storeUsage, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, mssanteProof, arginfo_class_Relais_Client_mssanteProof, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Jobs_methods[] = {
	ZEND_ME(Relais_Jobs, submit, arginfo_class_Relais_Jobs_submit, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, submitMany, arginfo_class_Relais_Jobs_submitMany, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, get, arginfo_class_Relais_Jobs_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, list, arginfo_class_Relais_Jobs_list, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, logs, arginfo_class_Relais_Jobs_logs, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, logPage, arginfo_class_Relais_Jobs_logPage, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, documents, arginfo_class_Relais_Jobs_documents, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, readDocument, arginfo_class_Relais_Jobs_readDocument, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, cancel, arginfo_class_Relais_Jobs_cancel, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, pause, arginfo_class_Relais_Jobs_pause, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, resume, arginfo_class_Relais_Jobs_resume, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, retry, arginfo_class_Relais_Jobs_retry, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, cancelMany, arginfo_class_Relais_Jobs_cancelMany, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, retryMany, arginfo_class_Relais_Jobs_retryMany, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, document, arginfo_class_Relais_Jobs_document, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, preview, arginfo_class_Relais_Jobs_preview, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, failuresByFlow, arginfo_class_Relais_Jobs_failuresByFlow, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, lastJobByFlow, arginfo_class_Relais_Jobs_lastJobByFlow, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, stats, arginfo_class_Relais_Jobs_stats, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Flows_methods[] = {
	ZEND_ME(Relais_Flows, list, arginfo_class_Relais_Flows_list, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Flows, get, arginfo_class_Relais_Flows_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Flows, versions, arginfo_class_Relais_Flows_versions, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Flows, save, arginfo_class_Relais_Flows_save, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Flows, enable, arginfo_class_Relais_Flows_enable, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Flows, export, arginfo_class_Relais_Flows_export, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Flows, diff, arginfo_class_Relais_Flows_diff, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Nodes_methods[] = {
	ZEND_ME(Relais_Nodes, list, arginfo_class_Relais_Nodes_list, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Users_methods[] = {
	ZEND_ME(Relais_Users, authenticate, arginfo_class_Relais_Users_authenticate, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, authenticateCertificate, arginfo_class_Relais_Users_authenticateCertificate, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, bindCertificate, arginfo_class_Relais_Users_bindCertificate, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, setLanguage, arginfo_class_Relais_Users_setLanguage, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, unlock, arginfo_class_Relais_Users_unlock, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, roles, arginfo_class_Relais_Users_roles, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, permissions, arginfo_class_Relais_Users_permissions, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, list, arginfo_class_Relais_Users_list, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, get, arginfo_class_Relais_Users_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, create, arginfo_class_Relais_Users_create, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, setPassword, arginfo_class_Relais_Users_setPassword, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, setRole, arginfo_class_Relais_Users_setRole, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, enable, arginfo_class_Relais_Users_enable, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, audit, arginfo_class_Relais_Users_audit, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Users, auditLog, arginfo_class_Relais_Users_auditLog, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Partners_methods[] = {
	ZEND_ME(Relais_Partners, list, arginfo_class_Relais_Partners_list, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, get, arginfo_class_Relais_Partners_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, save, arginfo_class_Relais_Partners_save, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, enable, arginfo_class_Relais_Partners_enable, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, addCertificate, arginfo_class_Relais_Partners_addCertificate, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, removeCertificate, arginfo_class_Relais_Partners_removeCertificate, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, expiringCertificates, arginfo_class_Relais_Partners_expiringCertificates, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, edifact, arginfo_class_Relais_Partners_edifact, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Partners, saveEdifact, arginfo_class_Relais_Partners_saveEdifact, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Sage_Connector_methods[] = {
	ZEND_ME(Relais_Sage_Connector, __construct, arginfo_class_Relais_Sage_Connector___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Connector, import, arginfo_class_Relais_Sage_Connector_import, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Connector, export, arginfo_class_Relais_Sage_Connector_export, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Sage_Exports_methods[] = {
	ZEND_ME(Relais_Sage_Exports, folder, arginfo_class_Relais_Sage_Exports_folder, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Exports, run, arginfo_class_Relais_Sage_Exports_run, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Exports, latest, arginfo_class_Relais_Sage_Exports_latest, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Exports, open, arginfo_class_Relais_Sage_Exports_open, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Ws_PaService_methods[] = {
	ZEND_ME(Relais_Ws_PaService, __construct, arginfo_class_Relais_Ws_PaService___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_PaService, CreerDossierPA, arginfo_class_Relais_Ws_PaService_CreerDossierPA, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_PaService, ConsulterDossierPA, arginfo_class_Relais_Ws_PaService_ConsulterDossierPA, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_PaService, GenererJetonSecuritePA, arginfo_class_Relais_Ws_PaService_GenererJetonSecuritePA, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_PaService, CreerDossier, arginfo_class_Relais_Ws_PaService_CreerDossier, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Ws_ExchangeService_methods[] = {
	ZEND_ME(Relais_Ws_ExchangeService, __construct, arginfo_class_Relais_Ws_ExchangeService___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_ExchangeService, DeposerDocument, arginfo_class_Relais_Ws_ExchangeService_DeposerDocument, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_ExchangeService, ConsulterStatut, arginfo_class_Relais_Ws_ExchangeService_ConsulterStatut, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_ExchangeService, RecupererDocument, arginfo_class_Relais_Ws_ExchangeService_RecupererDocument, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Ws_Envelope_methods[] = {
	ZEND_ME(Relais_Ws_Envelope, check, arginfo_class_Relais_Ws_Envelope_check, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Relais_Ws_Envelope, tooLarge, arginfo_class_Relais_Ws_Envelope_tooLarge, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Relais_Ws_Envelope, unpackMtom, arginfo_class_Relais_Ws_Envelope_unpackMtom, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Ws_Directory_methods[] = {
	ZEND_ME(Relais_Ws_Directory, __construct, arginfo_class_Relais_Ws_Directory___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, dossiers, arginfo_class_Relais_Ws_Directory_dossiers, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, dossier, arginfo_class_Relais_Ws_Directory_dossier, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, dossierCount, arginfo_class_Relais_Ws_Directory_dossierCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, redeemToken, arginfo_class_Relais_Ws_Directory_redeemToken, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, applications, arginfo_class_Relais_Ws_Directory_applications, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, application, arginfo_class_Relais_Ws_Directory_application, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, saveApplication, arginfo_class_Relais_Ws_Directory_saveApplication, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, setApplicationCertificate, arginfo_class_Relais_Ws_Directory_setApplicationCertificate, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, newApplicationSecret, arginfo_class_Relais_Ws_Directory_newApplicationSecret, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Ws_Directory, removeApplication, arginfo_class_Relais_Ws_Directory_removeApplication, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Relais_Exception(zend_class_entry *class_entry_RuntimeException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Exception", class_Relais_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);

	return class_entry;
}

static zend_class_entry *register_class_Relais_NotFoundException(zend_class_entry *class_entry_Relais_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "NotFoundException", class_Relais_NotFoundException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Relais_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Relais_ValidationException(zend_class_entry *class_entry_Relais_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "ValidationException", class_Relais_ValidationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Relais_Exception);

	zval property_errors_default_value;
	ZVAL_EMPTY_ARRAY(&property_errors_default_value);
	zend_string *property_errors_name = zend_string_init("errors", sizeof("errors") - 1, 1);
	zend_declare_typed_property(class_entry, property_errors_name, &property_errors_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_errors_name);

	return class_entry;
}

static zend_class_entry *register_class_Relais_ConnectionException(zend_class_entry *class_entry_Relais_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "ConnectionException", class_Relais_ConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Relais_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Relais_ConflictException(zend_class_entry *class_entry_Relais_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "ConflictException", class_Relais_ConflictException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Relais_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Relais_Client(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Client", class_Relais_Client_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Jobs(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Jobs", class_Relais_Jobs_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Flows(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Flows", class_Relais_Flows_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Nodes(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Nodes", class_Relais_Nodes_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Users(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Users", class_Relais_Users_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "authenticate", sizeof("authenticate") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "create", sizeof("create") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "setpassword", sizeof("setpassword") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_Relais_Partners(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Partners", class_Relais_Partners_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Sage_Connector(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais\\Sage", "Connector", class_Relais_Sage_Connector_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_Relais_Sage_Exports(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais\\Sage", "Exports", class_Relais_Sage_Exports_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Ws_PaService(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais\\Ws", "PaService", class_Relais_Ws_PaService_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Ws_ExchangeService(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais\\Ws", "ExchangeService", class_Relais_Ws_ExchangeService_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Ws_Envelope(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais\\Ws", "Envelope", class_Relais_Ws_Envelope_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Relais_Ws_Directory(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais\\Ws", "Directory", class_Relais_Ws_Directory_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
