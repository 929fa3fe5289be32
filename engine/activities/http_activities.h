// http.post and http.put: each input document is the body of one request to
// `url` (HTTPS with the server's certificate checked; a TLS client
// certificate, basic or bearer authentication when given); a reply whose
// status is not among `expected_status` fails the step (429 and 5xx
// transient, other statuses permanent, quoting the start of the reply). Each
// reply body is kept as an output document (NAME.response).
#pragma once

#include "activities/activity.h"

namespace relais {

class HttpSendActivity final : public Activity {
public:
    explicit HttpSendActivity(bool put) : put_(put) {}
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;

private:
    bool put_;
};

}  // namespace relais
