using System.Text.Json;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Policy;

/// <summary>
/// Issue #14: the authorization matrix (docs/security.md) row by row, for Teams and Slack identities, with an explicit
/// <c>authorization</c> section and with its defaults, in Production and in Development.
/// </summary>
public sealed class ActionAuthorizerTests() : StorageTests(new SqliteTestDatabase())
{
    private const string Explicit = """
        authorization:
          cancelers: ["teams:obj-carl", "slack:UCARL"]
          verifiers: ["teams:obj-vera", "slack:UVERA"]
          posture_checklist: ["teams:obj-olga", "slack:UOLGA"]
          write_window_approvers: ["teams:obj-wendy", "slack:UWENDY"]
        """;

    public static TheoryData<PolicyAction, string, string, string> ListedRows => new()
    {
        // action, environment, listed person's id (after the channel), policy key
        { PolicyAction.Cancel, "staging", "carl", "authorization.cancelers" },
        { PolicyAction.Cancel, "production", "carl", "authorization.cancelers" },
        { PolicyAction.Verify, "staging", "vera", "authorization.verifiers" },
        { PolicyAction.PostureChecklist, "production", "olga", "authorization.posture_checklist" },
        { PolicyAction.WriteWindow, "production", "wendy", "authorization.write_window_approvers" },
    };

    public static TheoryData<string> Channels => new() { "teams", "slack" };

    [Theory]
    [MemberData(nameof(ListedRows))]
    public void Each_action_is_allowed_to_the_people_its_key_lists_on_Teams_and_Slack(PolicyAction action, string environment, string listed, string key)
    {
        var authorizer = Authorizer(Explicit, Environments.Production);

        Assert.Null(authorizer.Check(action, environment, Person("teams", listed)));
        Assert.Null(authorizer.Check(action, environment, Person("slack", listed)));
        Assert.Equal(key, authorizer.Check(action, environment, Person("teams", "erin"))!.Owners.PolicyKey);
        Assert.Equal(key, authorizer.Check(action, environment, Person("slack", "erin"))!.Owners.PolicyKey);
    }

    [Theory]
    [MemberData(nameof(ListedRows))]
    public void An_id_listed_for_one_platform_does_not_name_the_same_id_on_the_other(PolicyAction action, string environment, string listed, string key)
    {
        var authorizer = Authorizer(Explicit, Environments.Production);
        var sameIdOnTheOtherPlatform = new RequesterIdentity("slack", $"obj-{listed}", "Impostor");

        var refusal = authorizer.Check(action, environment, sameIdOnTheOtherPlatform);

        Assert.NotNull(refusal);
        Assert.Equal(key, refusal.Owners.PolicyKey);
    }

    [Theory]
    [MemberData(nameof(ListedRows))]
    public void Someone_their_platform_does_not_vouch_for_is_refused_under_a_listed_id(PolicyAction action, string environment, string listed, string key)
    {
        var authorizer = Authorizer(Explicit.Replace("[\"teams", "[\"*\", \"teams", StringComparison.Ordinal), Environments.Development);

        foreach (var channel in new[] { "teams", "slack" })
        {
            var refusal = authorizer.Check(action, environment, Person(channel, listed) with { Verified = false });
            Assert.NotNull(refusal);
            Assert.True(refusal.Unverified);
            Assert.Equal(key, refusal.Owners.PolicyKey);
        }
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Without_an_authorization_section_verifying_defaults_to_the_environments_requesters(string channel)
    {
        var authorizer = Authorizer(authorization: "", Environments.Production);

        Assert.Null(authorizer.Check(PolicyAction.Verify, "staging", Person(channel, "sam")));
        var refusal = authorizer.Check(PolicyAction.Verify, "staging", Person(channel, "pat"));
        Assert.NotNull(refusal);
        Assert.Equal(("authorization.verifiers", "environments[staging].requesters"), (refusal.Owners.PolicyKey, refusal.Owners.StandIn));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Without_an_authorization_section_the_posture_checklist_and_write_windows_default_to_productions_requesters(string channel)
    {
        var authorizer = Authorizer(authorization: "", Environments.Production);

        foreach (var action in new[] { PolicyAction.PostureChecklist, PolicyAction.WriteWindow })
        {
            Assert.Null(authorizer.Check(action, "production", Person(channel, "pat")));
            var refusal = authorizer.Check(action, "production", Person(channel, "sam"));
            Assert.NotNull(refusal);
            Assert.Equal("environments[production].requesters", refusal.Owners.StandIn);
        }
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Without_an_authorization_section_nobody_cancels_someone_elses_promotion(string channel)
    {
        var authorizer = Authorizer(authorization: "", Environments.Development);

        var refusal = authorizer.Check(PolicyAction.Cancel, "staging", Person(channel, "pat"));

        Assert.NotNull(refusal);
        Assert.Equal(("authorization.cancelers", 0), (refusal.Owners.PolicyKey, refusal.Owners.Entries.Count));
    }

    [Theory]
    [InlineData(PolicyAction.Verify, "staging")]
    [InlineData(PolicyAction.PostureChecklist, "production")]
    [InlineData(PolicyAction.WriteWindow, "production")]
    public void A_list_naming_nobody_means_nobody_outside_Development_and_anyone_in_it(PolicyAction action, string environment)
    {
        var nobody = "authorization:\n  verifiers: []\n  posture_checklist: []\n  write_window_approvers: []\n";

        Assert.NotNull(Authorizer(nobody, Environments.Production).Check(action, environment, Person("teams", "pat")));
        Assert.NotNull(Authorizer(nobody, Environments.Staging).Check(action, environment, Person("slack", "pat")));
        Assert.Null(Authorizer(nobody, Environments.Development).Check(action, environment, Person("teams", "pat")));
        Assert.NotNull(Authorizer(nobody, Environments.Development).Check(action, environment, Person("teams", "pat") with { Verified = false }));
    }

    [Fact]
    public async Task A_refusal_is_audited_with_the_action_the_person_and_the_policy_key_and_an_allowance_is_not()
    {
        var authorizer = Authorizer(Explicit, Environments.Production);

        Assert.Null(await authorizer.CheckAsync(PolicyAction.WriteWindow, "production", Person("slack", "wendy"), Now, CancellationToken.None));
        var refusal = await authorizer.CheckAsync(PolicyAction.WriteWindow, "production", Person("slack", "erin"), Now, CancellationToken.None);

        Assert.NotNull(refusal);
        var entry = Assert.Single(await Get<AuditLog>().ReadAsync());
        Assert.Equal(("authorization.refused", "production", new Actor("slack:UERIN", "Erin")), (entry.Action, entry.Environment, entry.Actor));
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal("WriteWindow", details.RootElement.GetProperty("action").GetString());
        Assert.Equal("slack:UERIN", details.RootElement.GetProperty("who").GetString());
        Assert.True(details.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("authorization.write_window_approvers", details.RootElement.GetProperty("policyKey").GetString());
    }

    /// <summary>Teams people are named by their Entra object id (obj-…), Slack people by their user id (U…).</summary>
    private static RequesterIdentity Person(string channel, string name) =>
        new(channel, channel == "teams" ? $"obj-{name}" : $"U{name.ToUpperInvariant()}", char.ToUpperInvariant(name[0]) + name[1..]);

    /// <summary>The shipped policy with Sam (staging) and Pat (production) as requesters on both platforms, and <paramref name="authorization"/> appended.</summary>
    private ActionAuthorizer Authorizer(string authorization, string environment)
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
        var first = shipped.IndexOf("requesters: []", StringComparison.Ordinal);
        var second = shipped.IndexOf("requesters: []", first + 1, StringComparison.Ordinal);
        var yaml = shipped[..first] + "requesters: [\"teams:obj-sam\", \"slack:USAM\"]"
            + shipped[(first + "requesters: []".Length)..second] + "requesters: [\"teams:obj-pat\", \"slack:UPAT\"]"
            + shipped[(second + "requesters: []".Length)..] + "\n" + authorization;
        var host = Substitute.For<IHostEnvironment>();
        host.EnvironmentName.Returns(environment);
        return new ActionAuthorizer(PolicyLoader.Parse(yaml, "policy.yaml"), Get<AuditLog>(), host);
    }
}
