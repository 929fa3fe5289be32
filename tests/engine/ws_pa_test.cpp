// The ViaTrajectoire PA services in the core: the request checks and their
// return codes (seed 3.3.1), the SOAP envelope guard, and the services
// against a real MariaDB (create, consult, tokens, applications).
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string_view>
#include <thread>

#include "soap/envelope_guard.h"
#include "test_database.h"
#include "ws/applications.h"
#include "ws/nomenclature_lists.h"
#include "ws/pa_checks.h"
#include "ws/pa_service.h"

using namespace relais;
using namespace relais::ws;
using relais::testing::TestDatabase;

namespace {

Nomenclature nomenclature(const std::string& code, const std::string& oid, const std::string& display = "") {
    Nomenclature n;
    n.Code = code;
    n.CodeSystem = oid;
    if (!display.empty()) n.DisplayName = display;
    return n;
}

CreationDossierRequest validRequest() {
    CreationDossierRequest r;
    Demandeur d;
    d.Civilite = nomenclature("MME", kOidCivilite);
    d.NomNaissance = "Dupont";
    d.Prenom = "Hélène";
    d.DateNaissance = "1938-04-12";
    Adresse a;
    a.NumeroVoie = "12";
    a.TypeVoie = "rue";
    a.LibelleVoie = "des Lilas";
    a.CodePostal = nomenclature("69003", kOidCodePostal);
    a.Localite = nomenclature("69383", kOidCommune, "Lyon 3e");
    d.Adresse = a;
    d.Mail = "helene.dupont@example.fr";
    d.NumSecu = "185057800608491";
    r.Demandeur = d;
    r.IdLocal = "usager-42";
    return r;
}

std::string codeOf(const CreationDossierRequest& r) {
    auto problem = checkCreation(r, "2026-01-01");
    return problem ? problem->Code + " " + problem->Message : "ok";
}

}  // namespace

TEST(PaChecksTest, AValidRequestPasses) { EXPECT_EQ(codeOf(validRequest()), "ok"); }

TEST(PaChecksTest, MissingParametersAre200) {
    auto r = validRequest();
    r.IdLocal.reset();
    EXPECT_EQ(codeOf(r), "200 Paramètre obligatoire non renseigné : CreationDossier.IdLocal");
    r = validRequest();
    r.Demandeur.reset();
    EXPECT_EQ(codeOf(r), "200 Paramètre obligatoire non renseigné : CreationDossier.Demandeur");
}

TEST(PaChecksTest, EachMandatoryDatumIs201) {
    auto r = validRequest();
    r.Demandeur->Mail.reset();
    EXPECT_EQ(codeOf(r), "201 Donnée obligatoire non renseignée : Demandeur.Mail");
    r = validRequest();
    r.Demandeur->Adresse.reset();
    EXPECT_EQ(codeOf(r), "201 Donnée obligatoire non renseignée : Demandeur.Adresse");
    r = validRequest();
    r.Demandeur->Prenom = " ";
    EXPECT_EQ(codeOf(r), "201 Donnée obligatoire non renseignée : Demandeur.Prenom");
    r = validRequest();
    r.Demandeur->Civilite.Code = "";
    EXPECT_EQ(codeOf(r), "201 Donnée obligatoire non renseignée : Demandeur.Civilite.Code");
    r = validRequest();
    r.Demandeur->DateNaissance = "";
    EXPECT_EQ(codeOf(r), "201 Donnée obligatoire non renseignée : Demandeur.DateNaissance");
    // A missing datum ranks before a value too long elsewhere.
    r.Demandeur->NomNaissance = std::string(51, 'x');
    EXPECT_EQ(codeOf(r).substr(0, 3), "201");
}

TEST(PaChecksTest, LengthsCountCharactersNotBytes) {
    auto r = validRequest();
    r.Demandeur->NomNaissance = std::string(51, 'x');
    EXPECT_EQ(codeOf(r), "202 Valeur non autorisée : Demandeur.NomNaissance");
    r.Demandeur->NomNaissance.clear();
    for (int i = 0; i < 50; ++i) r.Demandeur->NomNaissance += "é";  // 100 bytes, 50 characters
    EXPECT_EQ(codeOf(r), "ok");
    r = validRequest();
    r.Demandeur->Adresse->LibelleVoie = std::string(81, 'a');
    EXPECT_EQ(codeOf(r), "202 Valeur non autorisée : Demandeur.Adresse.LibelleVoie");
}

TEST(PaChecksTest, FormatsAre203AndAFutureBirthIs202) {
    auto r = validRequest();
    r.Demandeur->DateNaissance = "1950-02-30";
    EXPECT_EQ(codeOf(r), "203 Format de valeur incompatible : Demandeur.DateNaissance");
    r.Demandeur->DateNaissance = "12/04/1938";
    EXPECT_EQ(codeOf(r).substr(0, 3), "203");
    r.Demandeur->DateNaissance = "2030-01-01";
    EXPECT_EQ(codeOf(r), "202 Valeur non autorisée : Demandeur.DateNaissance");
    r = validRequest();
    r.Demandeur->Mail = "helene.dupont.example.fr";
    EXPECT_EQ(codeOf(r), "203 Format de valeur incompatible : Demandeur.Mail");
    r = validRequest();
    r.Demandeur->NumSecu = "185057800608492";  // wrong key
    EXPECT_EQ(codeOf(r), "203 Format de valeur incompatible : Demandeur.NumSecu");
    r = validRequest();
    r.Demandeur->TelephoneFixe = "04 78 AB";
    EXPECT_EQ(codeOf(r), "203 Format de valeur incompatible : Demandeur.TelephoneFixe");
    r = validRequest();
    r.Demandeur->Prenom = std::string("H\xC3", 2);
    EXPECT_EQ(codeOf(r), "203 Format de valeur incompatible : Demandeur.Prenom");
}

TEST(PaChecksTest, CiviliteHasNoDisplayNameFallback) {
    auto r = validRequest();
    r.Demandeur->Civilite = nomenclature("MLLE", kOidCivilite, "Mademoiselle");
    EXPECT_EQ(codeOf(r), "360 Valeur hors nomenclature : Civilité (Demandeur.Civilite.Code)");
    r.Demandeur->Civilite = nomenclature("M", "1.2.250.1.213.1.6.1.70");
    EXPECT_EQ(codeOf(r), "360 Valeur hors nomenclature : Civilité (Demandeur.Civilite.CodeSystem)");
}

TEST(PaChecksTest, AddressNomenclatures) {
    auto r = validRequest();
    r.Demandeur->Adresse->TypeVoie = "galaxie";
    EXPECT_EQ(codeOf(r), "370 Valeur hors nomenclature : Type de voie (Demandeur.Adresse.TypeVoie)");
    r.Demandeur->Adresse->TypeVoie = "Allée";
    EXPECT_EQ(codeOf(r), "ok");
    r = validRequest();
    r.Demandeur->Adresse->CodePostal.CodeSystem = "1.2.250.1.213.2.45";
    EXPECT_EQ(codeOf(r), "371 Valeur hors nomenclature : Code Postal (Demandeur.Adresse.CodePostal.CodeSystem)");
    r = validRequest();
    r.Demandeur->Adresse->CodePostal.Code = "ABC";
    EXPECT_EQ(codeOf(r), "371 Valeur hors nomenclature : Code Postal (Demandeur.Adresse.CodePostal.Code)");
    r.Demandeur->Adresse->CodePostal.DisplayName = "69003 Lyon";  // known OID, unknown code: DisplayName
    EXPECT_EQ(codeOf(r), "ok");
    r = validRequest();
    r.Demandeur->Adresse->CodePostal.Code = "96100";
    EXPECT_EQ(codeOf(r), "373 Valeur hors nomenclature : Département (Demandeur.Adresse.CodePostal)");
    r = validRequest();
    // The seed's own typo of the commune OID (2.2.1) is refused.
    r.Demandeur->Adresse->Localite.CodeSystem = "1.2.250.1.2013.2.23";
    EXPECT_EQ(codeOf(r), "372 Valeur hors nomenclature : Commune (Demandeur.Adresse.Localite.CodeSystem)");
    r = validRequest();
    r.Demandeur->Adresse->Localite = nomenclature("XYZ", kOidCommune);
    EXPECT_EQ(codeOf(r), "372 Valeur hors nomenclature : Commune (Demandeur.Adresse.Localite.Code)");
    r.Demandeur->Adresse->Localite.DisplayName = "Thrévans";
    EXPECT_EQ(codeOf(r), "ok");
}

// Codes of the right shape that are not in the lists (seed 2.2.1): the
// DisplayName is used when there is one, else the nomenclature's code.
TEST(PaChecksTest, CodesOutsideTheLists) {
    auto r = validRequest();
    r.Demandeur->Adresse->Localite = nomenclature("69999", kOidCommune);  // Rhône has no commune 999
    EXPECT_EQ(codeOf(r), "372 Valeur hors nomenclature : Commune (Demandeur.Adresse.Localite.Code)");
    r.Demandeur->Adresse->Localite.DisplayName = "Lyon";
    EXPECT_EQ(codeOf(r), "ok");
    r = validRequest();
    r.Demandeur->Adresse->CodePostal = nomenclature("69990", kOidCodePostal);  // a department, no such office
    EXPECT_EQ(codeOf(r), "371 Valeur hors nomenclature : Code Postal (Demandeur.Adresse.CodePostal.Code)");
    r.Demandeur->Adresse->CodePostal.DisplayName = "69990 Lyon";
    EXPECT_EQ(codeOf(r), "ok");
    r = validRequest();
    r.Demandeur->VilleNaissance = nomenclature("13999", kOidCommune);
    EXPECT_EQ(codeOf(r), "372 Valeur hors nomenclature : Commune (Demandeur.VilleNaissance.Code)");
    r.Demandeur->VilleNaissance = nomenclature("13055", kOidCommune);  // Marseille
    EXPECT_EQ(codeOf(r), "ok");
}

TEST(PaChecksTest, CommuneAndPostalCodeLists) {
    EXPECT_GT(lists::kCommuneCount, 34000u);  // France has about 35,000 communes
    EXPECT_GT(lists::kPostalCodeCount, 6000u);
    for (const char* code : {"01001", "2A004", "2B033", "69383", "75056", "75116", "97101", "97611", "98735",
                             "20004" /* Ajaccio before 1976 */, "01126" /* merged into Valserhône, 01033 */})
        EXPECT_TRUE(knownCommuneCode(code)) << code;
    for (const char* code : {"69999", "2A999", "00000", "99100", "6938", "693831", "", "2a004"})
        EXPECT_FALSE(knownCommuneCode(code)) << code;
    for (const char* code : {"01400", "20000", "69003", "75116", "97500", "98714"})
        EXPECT_TRUE(knownPostalCode(code)) << code;
    for (const char* code : {"69990", "00000", "96100", "99999", "7500", "750011"})
        EXPECT_FALSE(knownPostalCode(code)) << code;
    // The lists are sorted by bytes, without repeats, codes of five characters.
    using List = std::pair<const char*, size_t>;
    for (auto [table, count] : {List{lists::kCommunes, lists::kCommuneCount}, List{lists::kPostalCodes, lists::kPostalCodeCount}}) {
        ASSERT_EQ(std::strlen(table), count * 5);
        for (size_t i = 1; i < count; ++i)
            ASSERT_LT(std::string_view(table + (i - 1) * 5, 5), std::string_view(table + i * 5, 5)) << i;
    }
}

TEST(PaChecksTest, CountryContactTypeAndEstablishment) {
    auto r = validRequest();
    r.Demandeur->PaysNaissance = nomenclature("99100", "1.2.250.1.213.2.25");
    EXPECT_EQ(codeOf(r), "300 Valeur hors nomenclature : Demandeur.PaysNaissance.CodeSystem");
    r.Demandeur->PaysNaissance = nomenclature("99100", kOidPays);
    EXPECT_EQ(codeOf(r), "ok");
    Contact c;
    c.NomNaissance = "Martin";
    c.Type.push_back(nomenclature("7", kOidTypeContact));
    r.Demandeur->Contacts.push_back(c);
    EXPECT_EQ(codeOf(r), "300 Valeur hors nomenclature : Demandeur.Contacts[0].Type[0].Code");
    r.Demandeur->Contacts[0].Type[0] = nomenclature("1", kOidTypeContact);
    EXPECT_EQ(codeOf(r), "ok");
    r.Demandeur->Contacts[0].Type.assign(4, nomenclature("1", kOidTypeContact));
    EXPECT_EQ(codeOf(r), "202 Valeur non autorisée : Demandeur.Contacts[0].Type");
    r.Demandeur->Contacts.clear();
    Etablissement e;
    e.NumFINISS = "750712184";  // AP-HP, a real FINESS number
    r.Etablissements.push_back(e);
    EXPECT_EQ(codeOf(r), "ok");
    r.Etablissements[0].NumFINISS = "750712185";
    EXPECT_EQ(codeOf(r),
              "431 Identifiant national de l'établissement non trouvé dans l'application. : Etablissements[0].NumFINISS");
    r.Etablissements.assign(41, e);
    EXPECT_EQ(codeOf(r), "202 Valeur non autorisée : Etablissements");
}

TEST(PaChecksTest, AccesDossierRequest) {
    AccesDossierRequest a;
    a.IdDossier = "12";
    a.IdLocal = "u";
    EXPECT_EQ(std::get<int64_t>(checkAcces(a, "Dossier")), 12);
    a.IdDossier = "12a";
    EXPECT_EQ(std::get<CodeRetour>(checkAcces(a, "Dossier")).Message, "Format incorrect d'un paramètre en entrée : 'IdDossier'");
    a.IdLocal.reset();
    a.IdDossier = "12";
    EXPECT_EQ(std::get<CodeRetour>(checkAcces(a, "Dossier")).Code, "200");
}

TEST(PaChecksTest, Identifiers) {
    EXPECT_TRUE(validNumSecu("185057800608491"));
    EXPECT_TRUE(validNumSecu("269022B34173241"));  // Corsica: 2B read as 18
    EXPECT_FALSE(validNumSecu("26902A34173285"));
    EXPECT_TRUE(validFiness("750712184"));
    EXPECT_FALSE(validFiness("75071218"));
    EXPECT_TRUE(knownPostalDepartment("97411"));
    EXPECT_FALSE(knownPostalDepartment("00100"));
    EXPECT_EQ(allReturnCodes().size(), 18u);
    EXPECT_EQ(returnCodeText(ReturnCode::OperationNonImplementee), "020");
}

// ------------------------------------------------------------ envelope guard

namespace {
constexpr const char* kNs = "urn:relais:viatrajectoire:pa";
constexpr const char* kSoap12 = "application/soap+xml; charset=utf-8";

std::string envelope12(const std::string& inner) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\">"
           "<e:Body>" + inner + "</e:Body></e:Envelope>";
}

std::string faultOf(const std::string& body, const std::string& contentType = kSoap12) {
    soap::EnvelopeLimits limits;
    limits.maxBytes = 4096;
    limits.bodyNamespace = kNs;
    auto f = soap::checkEnvelope(body, contentType, limits);
    return f ? std::to_string(f->httpStatus) + " " + f->code + ": " + f->reason : "ok";
}
}  // namespace

TEST(EnvelopeGuardTest, AcceptsBothSoapVersions) {
    EXPECT_EQ(faultOf(envelope12("<p:ConsulterDossierPA xmlns:p=\"urn:relais:viatrajectoire:pa\"/>")), "ok");
    EXPECT_EQ(faultOf("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header/><s:Body>"
                      "<ConsulterDossierPA xmlns=\"urn:relais:viatrajectoire:pa\"/></s:Body></s:Envelope>",
                      "text/xml; charset=\"utf-8\""),
              "ok");
}

TEST(EnvelopeGuardTest, RefusesHostileOrBrokenRequests) {
    const std::string op = "<p:ConsulterDossierPA xmlns:p=\"urn:relais:viatrajectoire:pa\"/>";
    EXPECT_EQ(faultOf(envelope12(op), "application/json"),
              "415 Sender: unsupported Content-Type 'application/json': SOAP 1.2 is application/soap+xml, SOAP 1.1 is text/xml");
    EXPECT_EQ(faultOf(""), "400 Sender: the request has no body: a SOAP envelope is expected");
    EXPECT_EQ(faultOf(envelope12(op + std::string(5000, ' '))), "413 Sender: the request is larger than 4096 bytes");
    EXPECT_EQ(faultOf(envelope12(op), "text/xml; charset=iso-8859-1"),
              "500 Sender: unsupported charset 'iso-8859-1': only UTF-8 is accepted");
    EXPECT_EQ(faultOf(envelope12("<p:X xmlns:p=\"urn:relais:viatrajectoire:pa\">\xC3\x28</p:X>")).substr(0, 48),
              "400 Sender: the request is not valid UTF-8 (byte");
    EXPECT_EQ(faultOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + envelope12(op).substr(38)),
              "400 Sender: the XML declaration names an encoding other than UTF-8");
    EXPECT_EQ(faultOf("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + envelope12(op)),
              "400 Sender: a SOAP message must not contain a document type declaration or entity declarations");
    EXPECT_EQ(faultOf(envelope12(op).substr(0, 120)).substr(0, 30), "400 Sender: malformed XML at l");
    EXPECT_EQ(faultOf("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + op +
                      "</s:Body></s:Envelope>"),
              "500 VersionMismatch: the envelope is SOAP 1.1 but the Content-Type announces SOAP 1.2");
    EXPECT_EQ(faultOf(envelope12("<p:ConsulterDossierPA xmlns:p=\"urn:other\"/>")),
              "400 Sender: the operation element ConsulterDossierPA is in the namespace 'urn:other', expected "
              "'urn:relais:viatrajectoire:pa'");
    EXPECT_EQ(faultOf(envelope12("")), "400 Sender: the SOAP Body is empty: an operation element is expected");
}

TEST(EnvelopeGuardTest, FaultsAreSoapOfTheirVersion) {
    soap::SoapFault f{soap::SoapVersion::V11, "Sender", "a <b> & c", 500};
    EXPECT_NE(soap::faultXml(f).find("<faultcode>SOAP-ENV:Client</faultcode><faultstring>a &lt;b&gt; &amp; c</faultstring>"),
              std::string::npos);
    f.version = soap::SoapVersion::V12;
    EXPECT_NE(soap::faultXml(f).find("<env:Value>env:Sender</env:Value>"), std::string::npos);
    EXPECT_EQ(soap::faultContentType(f), "application/soap+xml; charset=utf-8");
}

// ------------------------------------------------------------ services on MariaDB

class PaServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ApplicationRegistry apps(client_->connection());
        Application portal;
        portal.name = "portail-cd69";
        portal.services = {kServicePa};
        portal.username = "cd69";
        ASSERT_TRUE(apps.save(portal));
        auto secret = apps.newSecret("portail-cd69");
        ASSERT_TRUE(secret);
        caller_ = Caller{true, "", "cd69", *secret};
        Application other = portal;
        other.name = "portail-cd01";
        other.username = "cd01";
        ASSERT_TRUE(apps.save(other));
        other_ = Caller{true, "", "cd01", apps.newSecret("portail-cd01").value()};
    }

    PaService service(const Caller& c) { return PaService(client_->connection(), c); }

    int64_t create() {
        auto r = service(caller_).creerDossier(validRequest());
        EXPECT_EQ(r.CodeRetour.Code, "999") << r.CodeRetour.Message;
        return r.IdDossier.value_or(0);
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
    Caller caller_, other_;
};

TEST_F(PaServiceTest, CreatesTwiceTheSamePersonAndConsultsEach) {
    const int64_t a = create(), b = create();  // no duplicate detection (seed 3.1.1)
    ASSERT_NE(a, b);
    std::vector<AccesDossierRequest> list = {{std::to_string(a), "usager-42"}, {std::to_string(b), "usager-42"},
                                             {"999999", "usager-42"}, {std::to_string(a), "autre"}};
    auto out = service(caller_).consulterDossiers(list);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].CodeRetour.Code, "999");
    ASSERT_TRUE(out[0].Dossier);
    EXPECT_EQ(out[0].Dossier->Demandeur.Prenom, "Hélène");
    EXPECT_EQ(out[0].Dossier->Demandeur.Adresse->Localite.DisplayName.value_or(""), "Lyon 3e");
    EXPECT_EQ(out[0].Dossier->StatutDossier, StatutDemande::NON_ENVOYEE);
    EXPECT_EQ(out[1].CodeRetour.Code, "999");
    EXPECT_EQ(out[2].CodeRetour.Code, "460");
    EXPECT_EQ(out[3].CodeRetour.Code, "110");
    EXPECT_EQ(DossierStore(client_->connection()).count().value(), 2);
}

TEST_F(PaServiceTest, AnotherApplicationsDossierIs110AndAStrangerIs100) {
    const int64_t id = create();
    auto out = service(other_).consulterDossiers(std::vector<AccesDossierRequest>{{std::to_string(id), "usager-42"}});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].CodeRetour.Code, "110");
    EXPECT_EQ(service(other_).genererJeton(AccesDossierRequest{std::to_string(id), "usager-42"}).CodeRetour.Code, "110");
    Caller wrong = caller_;
    wrong.password += "x";
    EXPECT_EQ(service(wrong).creerDossier(validRequest()).CodeRetour.Code, "100");
    Caller plain = caller_;
    plain.tls = false;  // a password counts only over TLS
    EXPECT_EQ(service(plain).creerDossier(validRequest()).CodeRetour.Code, "100");
    ApplicationRegistry apps(client_->connection());
    Application a = apps.get("portail-cd69").value();
    a.services = {kServiceExchange};
    ASSERT_TRUE(apps.save(a));
    EXPECT_EQ(service(caller_).creerDossier(validRequest()).CodeRetour.Code, "100");
    EXPECT_EQ(DossierStore(client_->connection()).count().value(), 1);
}

TEST_F(PaServiceTest, ATokenWorksOnceAndNotAfterItsTime) {
    const int64_t id = create();
    DossierStore store(client_->connection());
    auto t = service(caller_).genererJeton(AccesDossierRequest{std::to_string(id), "usager-42"});
    ASSERT_EQ(t.CodeRetour.Code, "999");
    ASSERT_TRUE(t.JetonSecurite);
    auto lifetime = client_->connection().query("SELECT TIMESTAMPDIFF(SECOND, created_at, expires_at) FROM vt_jeton");
    EXPECT_EQ(lifetime->front().i64(0), 30);
    EXPECT_EQ(store.redeemToken(*t.JetonSecurite).value(), std::optional<int64_t>(id));
    EXPECT_EQ(store.redeemToken(*t.JetonSecurite).value(), std::nullopt);
    auto late = service(caller_).genererJeton(AccesDossierRequest{std::to_string(id), "usager-42"});
    ASSERT_TRUE(client_->connection().execute("UPDATE vt_jeton SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE used_at IS NULL"));
    EXPECT_EQ(store.redeemToken(*late.JetonSecurite).value(), std::nullopt);
    EXPECT_EQ(store.redeemToken("not-a-token").value(), std::nullopt);
    EXPECT_EQ(service(caller_).genererJeton(std::nullopt).CodeRetour.Code, "200");
}

TEST_F(PaServiceTest, ADatabaseFailureIs000AndNothingIsHalfWritten) {
    // A database failure in the middle of a call is 000, and nothing is half-written.
    ASSERT_TRUE(client_->connection().execute("RENAME TABLE vt_demande TO vt_demande_away"));
    auto req = validRequest();
    Etablissement e;
    e.NumFINISS = "750712184";
    req.Etablissements.push_back(e);
    PaService failing = service(caller_);
    EXPECT_EQ(failing.creerDossier(req).CodeRetour.Code, "000");
    EXPECT_NE(failing.failure().find("vt_demande"), std::string::npos) << failing.failure();  // for the operator's log
    ASSERT_TRUE(client_->connection().execute("RENAME TABLE vt_demande_away TO vt_demande"));
    EXPECT_EQ(DossierStore(client_->connection()).count().value(), 0);
    EXPECT_EQ(service(caller_).creerDossier(req).CodeRetour.Code, "999");
    EXPECT_EQ(service(caller_).operationNonImplementee().CodeRetour.Code, "020");
}

TEST_F(PaServiceTest, AProvenCredentialIsRememberedForItsDatabaseAndSecondsButNeverARefusal) {
    ApplicationRegistry apps(client_->connection());
    const IdentifyCache cache{"mariadb://a@localhost/one", 5};
    ASSERT_TRUE(apps.identify(caller_, kServicePa, cache).value());
    // Disabled behind the registry's back (another process's admin page): this
    // process still trusts the credential it proved, within the cache's seconds only.
    ASSERT_TRUE(client_->connection().execute("UPDATE ws_application SET enabled = 0 WHERE name = 'portail-cd69'"));
    auto remembered = apps.identify(caller_, kServicePa, cache).value();
    ASSERT_TRUE(remembered);
    EXPECT_EQ(remembered->name, "portail-cd69");
    EXPECT_FALSE(apps.identify(caller_, kServicePa).value());  // no cache: asks the database
    EXPECT_FALSE(apps.identify(caller_, kServicePa, {"mariadb://a@localhost/two", 5}).value());
    EXPECT_FALSE(apps.identify(caller_, kServiceExchange, cache).value());
    Caller wrong = caller_;
    wrong.password += "x";
    EXPECT_FALSE(apps.identify(wrong, kServicePa, cache).value());
    // A refusal is not remembered: enabled again, the application passes at once.
    ASSERT_TRUE(client_->connection().execute("UPDATE ws_application SET enabled = 1 WHERE name = 'portail-cd01'"));
    EXPECT_TRUE(apps.identify(other_, kServicePa, cache).value());
    // Past its seconds, the database is asked again.
    const IdentifyCache brief{"mariadb://a@localhost/three", 1};
    ASSERT_TRUE(client_->connection().execute("UPDATE ws_application SET enabled = 1 WHERE name = 'portail-cd69'"));
    ASSERT_TRUE(apps.identify(caller_, kServicePa, brief).value());
    ASSERT_TRUE(client_->connection().execute("UPDATE ws_application SET enabled = 0 WHERE name = 'portail-cd69'"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_FALSE(apps.identify(caller_, kServicePa, brief).value());
    // A change through the registry forgets at once what this process proved.
    ASSERT_TRUE(apps.identify(other_, kServicePa, cache).value());
    Application b = apps.get("portail-cd01").value();
    b.enabled = false;
    ASSERT_TRUE(apps.save(b));
    EXPECT_FALSE(apps.identify(other_, kServicePa, cache).value());
    EXPECT_EQ(service(other_).creerDossier(validRequest()).CodeRetour.Code, "100");
}

TEST_F(PaServiceTest, ASessionTheServerClosedIsReopenedBeforeTheFirstWrite) {
    // With the credential remembered, CreerDossierPA's first statement is its
    // INSERT: usable() (the PHP client's check at each request, no round trip
    // while the connection answered moments ago) must notice a session the
    // server closed, or the INSERT would be lost with it (a write is never
    // replayed). Over TCP, as a database on another host: there the write
    // after the close seems to go through and only its answer is lost (on a
    // Unix socket the write itself fails, and is safely run again).
    DatabaseDsn tcp = db_->config().database;
    tcp.socket.clear();
    tcp.host = "127.0.0.1";
    tcp.port = static_cast<unsigned>(client_->connection().query("SELECT @@port").value().front().i64(0));
    tcp.user = "tcp_" + tcp.database;  // the admin may log in by the socket only
    tcp.password = randomHex(12);
    const std::vector<std::string> accounts = {"'" + tcp.user + "'@'localhost'", "'" + tcp.user + "'@'127.0.0.1'"};
    struct DropAccounts {
        db::Connection& admin;
        const std::vector<std::string>& accounts;
        ~DropAccounts() {
            for (const auto& a : accounts) admin.execute("DROP USER IF EXISTS " + a);
        }
    } drop{client_->connection(), accounts};
    for (const auto& a : accounts) {
        ASSERT_TRUE(client_->connection().execute("CREATE USER " + a + " IDENTIFIED BY '" + tcp.password + "'"));
        ASSERT_TRUE(client_->connection().execute("GRANT ALL ON " + tcp.database + ".* TO " + a));
    }
    auto opened = db::connect(tcp);
    ASSERT_TRUE(opened) << opened.status().message();
    db::Connection& conn = **opened;
    const IdentifyCache cache{"mariadb://a@localhost/one", 5};
    PaService remembering(conn, caller_, cache);
    ASSERT_EQ(remembering.creerDossier(validRequest()).CodeRetour.Code, "999");
    EXPECT_TRUE(conn.usable());
    const std::string session = conn.query("SELECT CONNECTION_ID()").value().front().str(0);
    ASSERT_TRUE(client_->connection().execute("KILL CONNECTION " + session));
    for (int i = 0; i < 100; ++i) {  // KILL returns before the session has closed its socket
        auto left = client_->connection().query(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", {std::stoll(session)});
        if (left && left->front().i64(0) == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(conn.usable());
    auto again = remembering.creerDossier(validRequest());
    EXPECT_EQ(again.CodeRetour.Code, "999") << remembering.failure();
    EXPECT_NE(conn.query("SELECT CONNECTION_ID()").value().front().str(0), session);
    EXPECT_EQ(DossierStore(conn).count().value(), 2);
}
