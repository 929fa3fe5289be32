/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b5118eab633ccea9aeff75d2d447df25daa9e149 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Relais_Client___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, configFile, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Client_configFile, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_jobs, 0, 0, Relais\\Jobs, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_flows, 0, 0, Relais\\Flows, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Relais_Client_users, 0, 0, Relais\\\125sers, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_submit, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, flow, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, files, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, submittedBy, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_get, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Jobs_list, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filter, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "50")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Flows_list, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Relais_Users_authenticate, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
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


ZEND_METHOD(Relais_Client, __construct);
ZEND_METHOD(Relais_Client, configFile);
ZEND_METHOD(Relais_Client, jobs);
ZEND_METHOD(Relais_Client, flows);
ZEND_METHOD(Relais_Client, users);
ZEND_METHOD(Relais_Jobs, submit);
ZEND_METHOD(Relais_Jobs, get);
ZEND_METHOD(Relais_Jobs, list);
ZEND_METHOD(Relais_Flows, list);
ZEND_METHOD(Relais_Users, authenticate);
ZEND_METHOD(Relais_Sage_Connector, __construct);
ZEND_METHOD(Relais_Sage_Connector, import);
ZEND_METHOD(Relais_Sage_Connector, export);


static const zend_function_entry class_Relais_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_NotFoundException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_InvalidArgumentException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_UnavailableException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Client_methods[] = {
	ZEND_ME(Relais_Client, __construct, arginfo_class_Relais_Client___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, configFile, arginfo_class_Relais_Client_configFile, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, jobs, arginfo_class_Relais_Client_jobs, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, flows, arginfo_class_Relais_Client_flows, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Client, users, arginfo_class_Relais_Client_users, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Jobs_methods[] = {
	ZEND_ME(Relais_Jobs, submit, arginfo_class_Relais_Jobs_submit, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, get, arginfo_class_Relais_Jobs_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Jobs, list, arginfo_class_Relais_Jobs_list, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Flows_methods[] = {
	ZEND_ME(Relais_Flows, list, arginfo_class_Relais_Flows_list, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Users_methods[] = {
	ZEND_ME(Relais_Users, authenticate, arginfo_class_Relais_Users_authenticate, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Relais_Sage_Connector_methods[] = {
	ZEND_ME(Relais_Sage_Connector, __construct, arginfo_class_Relais_Sage_Connector___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Connector, import, arginfo_class_Relais_Sage_Connector_import, ZEND_ACC_PUBLIC)
	ZEND_ME(Relais_Sage_Connector, export, arginfo_class_Relais_Sage_Connector_export, ZEND_ACC_PUBLIC)
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

static zend_class_entry *register_class_Relais_InvalidArgumentException(zend_class_entry *class_entry_Relais_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "InvalidArgumentException", class_Relais_InvalidArgumentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Relais_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Relais_UnavailableException(zend_class_entry *class_entry_Relais_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "UnavailableException", class_Relais_UnavailableException_methods);
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

static zend_class_entry *register_class_Relais_Users(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Relais", "Users", class_Relais_Users_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "authenticate", sizeof("authenticate") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

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
