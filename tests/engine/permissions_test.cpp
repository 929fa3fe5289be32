// The role table of the admin site.
#include <gtest/gtest.h>

#include "users/permissions.h"

using namespace relais;

TEST(PermissionsTest, AdminMayDoEverything) {
    for (const char* p : {"view", "job.run", "job.control", "partner.edit", "flow.edit", "user.manage", "audit.view",
                          "system.view"})
        EXPECT_TRUE(roleAllows("admin", p)) << p;
}

TEST(PermissionsTest, OperatorRunsStepsJobsAndEditsPartnersOnly) {
    for (const char* p : {"view", "job.run", "job.control", "partner.edit"}) EXPECT_TRUE(roleAllows("operator", p)) << p;
    for (const char* p : {"flow.edit", "user.manage", "audit.view", "system.view"})
        EXPECT_FALSE(roleAllows("operator", p)) << p;
}

TEST(PermissionsTest, ViewerOnlyReads) {
    EXPECT_EQ(rolePermissions("viewer"), std::vector<std::string>{"view"});
}

TEST(PermissionsTest, UnknownRoleMayDoNothing) {
    EXPECT_TRUE(rolePermissions("root").empty());
    EXPECT_FALSE(roleAllows("", "view"));
    EXPECT_FALSE(isKnownRole("Admin"));
    EXPECT_EQ(knownRoles().front(), "admin");
}
