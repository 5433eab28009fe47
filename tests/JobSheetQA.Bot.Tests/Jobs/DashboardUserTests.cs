using System.Net;
using JobSheetQA.Bot.Tests.Jobs.Support;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>With <c>Jobs:Dashboard:User</c> the sign-in needs that user name as well as the password.</summary>
public sealed class DashboardUserTests(DashboardUserTests.UserHost fixture) : IClassFixture<DashboardUserTests.UserHost>
{
    private const string User = "release-ops";

    [Fact]
    public async Task The_configured_user_with_the_password_gets_in()
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, DashboardRequests.Basic(User, DashboardTests.Password));

        Assert.Equal(200, response.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("release-op")]
    [InlineData("Release-Ops")]
    [InlineData("admin")]
    public async Task Another_user_name_with_the_right_password_is_refused(string user)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, DashboardRequests.Basic(user, DashboardTests.Password));

        Assert.Equal(401, response.Status);
    }

    public sealed class UserHost : JobsHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Jobs:Dashboard:Enabled"] = "true",
            ["Jobs:Dashboard:User"] = User,
            ["Jobs:Dashboard:Password"] = DashboardTests.Password,
        };
    }
}
