using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Tests.Policy;

/// <summary>Who a policy entry may name: the shipped chat channels' ids and, for runs started in GitHub, <c>github:&lt;login&gt;</c>.</summary>
public sealed class PersonNamingTests
{
    [Theory]
    [InlineData("github:octocat")]
    [InlineData("github:release-manager")]
    [InlineData("github:a1")]
    [InlineData("teams:00000000-0000-0000-0000-000000000001")]
    [InlineData("slack:U012ABCDEF")]
    [InlineData("*")]
    public void A_shipped_channel_id_or_a_GitHub_login_names_a_person(string entry) =>
        Assert.True(PersonNaming.Shipped.Names(entry));

    [Theory]
    [InlineData("github:")]
    [InlineData("github:-octocat")]
    [InlineData("github:octocat-")]
    [InlineData("github:octo--cat")]
    [InlineData("github:octo_cat")]
    [InlineData("github:jobsheetqa-bot[bot]")]
    [InlineData("github:octocat@example.com")]
    [InlineData("github:a-login-that-is-far-too-long-for-github-x")]
    [InlineData("gitlab:octocat")]
    public void Anything_else_names_nobody(string entry) =>
        Assert.False(PersonNaming.Shipped.Names(entry));

    [Fact]
    public void The_forms_in_error_messages_include_the_GitHub_login() =>
        Assert.Equal("*, teams:<entra-object-id> or slack:<user-id> or github:<login>", PersonNaming.Shipped.Forms());

    [Fact]
    public void A_sender_GitHub_signed_is_named_by_their_login_in_any_case()
    {
        var sender = new RequesterIdentity(PersonNaming.GitHubChannel, "OctoCat", "@OctoCat");

        Assert.True(sender.IsNamedBy("github:octocat"));
        Assert.False(sender.IsNamedBy("slack:octocat"));
    }
}
