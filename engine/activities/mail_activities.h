// mail.send and mail.receive: mail with partners and MSSanté (the API
// LPS/DUI of an MSSanté operator: SMTP submission and IMAP, both with
// STARTTLS; docs/transfers.md).
//
// mail.send: one mail with every input document attached (base64), through
// SMTP submission with STARTTLS required, AUTH PLAIN/LOGIN or XOAUTH2 (a
// bearer token from the settings or a file), or a client certificate.
// Every mail carries X-MSS-NIL (the software's reference); when an IHE_XDM
// zip is attached, X-MSS-CODECDA (one per CDA code of `cda_codes`) and
// X-MSS-INS. Inputs pass on.
//
// mail.receive: the unseen messages of an IMAP folder (STARTTLS required),
// each read without marking it (BODY.PEEK), stored as a document
// (MESSAGE.eml) with each attachment as a document of its own, and only then
// marked \Seen, moved to `archive` or deleted. A message the server refuses
// to mark stays unseen and is not passed on (it is received again later).
#pragma once

#include "activities/activity.h"

namespace relais {

class MailSendActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

class MailReceiveActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

// True when the file at `path` is a zip holding an IHE_XDM/ folder (an
// MSSanté message's CDA documents travel that way).
bool isXdmZip(const std::string& path);

}  // namespace relais
