using System.Text.Json;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// Issue #14: every row of policy.yaml's authorization matrix, allowed and refused, typed into the whole bot by people
/// as Teams names them (<c>teams:&lt;entra-object-id&gt;</c>, <see cref="OnTeams"/>) and as Slack does
/// (<c>slack:&lt;user-id&gt;</c>, <see cref="OnSlack"/>). Each refusal changes nothing, names the policy key and the id
/// to add, and is audited; what is recorded keeps the person's id beside their name.
/// </summary>
public abstract class AuthorizationTranscripts(string platform) : TranscriptTest
{
    private readonly string policyFile = Path.Combine(Path.GetTempPath(), $"jobsheetqa-policy-{Guid.NewGuid():N}.yaml");

    public sealed class OnTeams() : AuthorizationTranscripts("teams");

    public sealed class OnSlack() : AuthorizationTranscripts("slack");

    public override Task InitializeAsync()
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
        var first = shipped.IndexOf("requesters: []", StringComparison.Ordinal);
        var second = shipped.IndexOf("requesters: []", first + 1, StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "the shipped policy lists requesters for staging and production");
        File.WriteAllText(policyFile,
            shipped[..first] + $"requesters: {List("dana", "paula", "vera")}"
            + shipped[(first + "requesters: []".Length)..second] + $"requesters: {List("dana", "paula")}"
            + shipped[(second + "requesters: []".Length)..]
            + $"""

              authorization:
                cancelers: {List("carl")}
                verifiers: {List("vera", "dana")}
                separation_of_duties: true
                posture_checklist: {List("olga")}
                write_window_approvers: {List("wendy")}
              """);
        return base.InitializeAsync();
    }

    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync()
    {
        var settings = await base.StorageSettingsAsync();
        settings["Policy:File"] = policyFile;
        return settings;
    }

    [Fact]
    public async Task Promote_is_for_the_environments_requesters()
    {
        var refused = await SayAsync("erin", "promote staging");
        var allowed = await SayAsync("vera", "promote staging");

        Assert.StartsWith("Denied: promote staging", refused, StringComparison.Ordinal);
        Assert.Contains("ACCESS", refused, StringComparison.Ordinal);
        Assert.Contains($"policy.yaml's environments[staging].requesters does not name them; ask whoever maintains policy.yaml to add {PolicyId("erin")} there", refused, StringComparison.Ordinal);
        Assert.StartsWith("**Dispatched** promote staging", allowed, StringComparison.Ordinal);
        var run = Assert.Single(await GitHub.RunsAsync());
        Assert.Equal("staging", run.Inputs["target_environment"]);
        var promotion = await PromotionAsync(PromotionIdIn(allowed));
        Assert.Equal((platform, Id("vera"), "Vera"), (promotion.RequesterChannel, promotion.RequesterUserId, promotion.RequesterDisplayName));
    }

    [Fact]
    public async Task Cancel_is_for_the_requester_and_the_listed_cancelers()
    {
        var first = PromotionIdIn(await SayAsync("dana", "promote staging skip parity"));

        var refused = await SayAsync("erin", $"cancel {first}");
        Assert.Equal(
            $"Only Dana, who requested promotion `{first}`, or a listed canceler can cancel it. policy.yaml's `authorization.cancelers` does not name you: "
            + $"ask whoever maintains policy.yaml to add `{PolicyId("erin")}` there. Nothing changed.", refused);
        Assert.Equal(PromotionState.AwaitingAcknowledgement, (await PromotionAsync(first)).State);
        await AssertRefusalAuditedAsync("Cancel", PolicyId("erin"), "authorization.cancelers");

        Assert.StartsWith($"**Cancelled** promotion `{first}`", await SayAsync("carl", $"cancel {first}"), StringComparison.Ordinal);
        Assert.Equal(PromotionState.Cancelled, (await PromotionAsync(first)).State);

        var second = PromotionIdIn(await SayAsync("dana", "promote staging skip parity"));
        Assert.StartsWith($"**Cancelled** promotion `{second}`", await SayAsync("dana", $"cancel {second}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_staging_is_for_the_listed_verifiers_only()
    {
        var head = await GitHub.BranchHeadAsync();
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded, commitSha: head);

        // Paula may promote staging, but verifiers is set and does not name her: neither the prompt nor a submitted form.
        var asked = await SayAsync("paula", "verify staging");
        var submitted = await SubmitAsync("paula", $"verify:staging:{head}", AllTicked);

        foreach (var refused in new[] { asked, submitted })
        {
            Assert.Equal(
                "**Not allowed**: Paula may not record the staging verification. policy.yaml's `authorization.verifiers` does not name you: "
                + $"ask whoever maintains policy.yaml to add `{PolicyId("paula")}` there. Nothing changed.", refused);
        }

        Assert.Empty(await Chat.Get<StagingVerificationStore>().ForCommitAsync(head));
        await AssertRefusalAuditedAsync("Verify", PolicyId("paula"), "authorization.verifiers");

        var recorded = await SubmitAsync("vera", $"verify:staging:{head}", AllTicked);
        Assert.Contains("recorded", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PolicyId("vera"), Assert.Single(await Chat.Get<StagingVerificationStore>().ForCommitAsync(head)).VerifiedById);
    }

    [Fact]
    public async Task Production_needs_a_staging_verification_by_someone_other_than_its_requester()
    {
        var head = await GitHub.BranchHeadAsync();
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded, commitSha: head);
        await SubmitAsync("dana", $"verify:staging:{head}", AllTicked);

        var own = await SayAsync("dana", "promote production");

        Assert.StartsWith("Denied: promote production", own, StringComparison.Ordinal);
        Assert.Contains("SEPARATE-VERIFIER", own, StringComparison.Ordinal);
        Assert.Contains("Someone other than Dana must verify staging", own, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());

        Assert.StartsWith("**Read-only posture checklist**", await SayAsync("paula", "promote production"), StringComparison.Ordinal);
        var other = await SayAsync("paula", "yes yes yes");

        Assert.StartsWith("**Dispatched** promote production", other, StringComparison.Ordinal);
        Assert.Equal("production", Assert.Single(await GitHub.RunsAsync()).Inputs["target_environment"]);
    }

    [Fact]
    public async Task The_production_posture_checklist_is_answered_by_its_listed_people_only()
    {
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);

        var refused = await SubmitAsync("dana", PostureChecklistForm.FormId("p-prod"), ChecklistAnswers);

        Assert.Equal(
            "**Not allowed**: Dana may not answer the production posture checklist. policy.yaml's `authorization.posture_checklist` does not name you: "
            + $"ask whoever maintains policy.yaml to add `{PolicyId("dana")}` there. Nothing changed.", refused);
        Assert.Null(await Chat.Get<PostureChecklistStore>().ForPromotionAsync("p-prod"));
        await AssertRefusalAuditedAsync("PostureChecklist", PolicyId("dana"), "authorization.posture_checklist");

        var answered = await SubmitAsync("olga", PostureChecklistForm.FormId("p-prod"), ChecklistAnswers);

        Assert.StartsWith("Posture checklist recorded for `p-prod`", answered, StringComparison.Ordinal);
        Assert.Equal(PolicyId("olga"), (await Chat.Get<PostureChecklistStore>().ForPromotionAsync("p-prod"))!.RecordedById);
    }

    [Fact]
    public async Task Write_windows_are_opened_and_closed_by_the_listed_approvers_only()
    {
        // Dana may promote production, but write_window_approvers is set and does not name her.
        var refusedOpen = await SayAsync("dana", "write-window open production CHG-7 for 1h");

        Assert.Equal(
            "**Not allowed**: Dana may not open or close write windows on production. policy.yaml's `authorization.write_window_approvers` "
            + $"does not name you: ask whoever maintains policy.yaml to add `{PolicyId("dana")}` there. Nothing changed.", refusedOpen);
        Assert.Empty(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
        await AssertRefusalAuditedAsync("WriteWindow", PolicyId("dana"), "authorization.write_window_approvers");

        Assert.StartsWith("Write window **open** on production for CHG-7", await SayAsync("wendy", "write-window open production CHG-7 for 1h"), StringComparison.Ordinal);

        var refusedClose = await SayAsync("erin", "write-window close production");
        Assert.StartsWith("**Not allowed**: Erin may not open or close write windows on production.", refusedClose, StringComparison.Ordinal);
        Assert.Single(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));

        Assert.Contains("closed by Wendy", await SayAsync("wendy", "write-window close production"), StringComparison.Ordinal);
        Assert.Empty(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
        var audited = (await Chat.Get<AuditLog>().ReadAsync()).Where(e => e.Action is "write-window.opened" or "write-window.closed").ToList();
        Assert.Equal([new Actor(PolicyId("wendy"), "Wendy"), new Actor(PolicyId("wendy"), "Wendy")], audited.Select(e => e.Actor));
    }

    [Fact]
    public async Task Someone_the_platform_does_not_vouch_for_may_only_read_even_under_a_listed_id()
    {
        var head = await GitHub.BranchHeadAsync();
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded, commitSha: head);

        // Dana is listed for everything and Wendy approves write windows; without the platform's word, neither id counts.
        Task<string> SayUnverifiedAsync(string user, string text) => SendAsync(Person(user) with { Verified = false }, text);

        var promote = await SayUnverifiedAsync("dana", "promote staging");
        Assert.StartsWith("Denied: promote staging", promote, StringComparison.Ordinal);
        Assert.Contains("ACCESS", promote, StringComparison.Ordinal);
        Assert.StartsWith($"**Not allowed**: {platform} did not vouch for who sent this (no stable user id), so it can only read",
            await SayUnverifiedAsync("dana", "verify staging"), StringComparison.Ordinal);
        Assert.StartsWith($"**Not allowed**: {platform} did not vouch", await SayUnverifiedAsync("wendy", "write-window open production CHG-7 for 1h"), StringComparison.Ordinal);
        Assert.Contains("**staging**:", await SayUnverifiedAsync("dana", "status"), StringComparison.Ordinal);

        Assert.Empty(await GitHub.RunsAsync());
        Assert.Empty(await Chat.Get<StagingVerificationStore>().ForCommitAsync(head));
        Assert.Empty(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Anyone_may_subscribe_to_notifications_even_unvouched_for()
    {
        Assert.StartsWith("Subscribed:", await SayAsync("erin", "subscribe"), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", await SendAsync(Person("zoe") with { Verified = false }, "subscribe", "other-room"), StringComparison.Ordinal);

        Assert.Equal(["general", "other-room"], (await Chat.Get<ConversationStore>().SubscriptionsAsync()).Select(s => s.ConversationReference!.ConversationId).Order());
    }

    /// <summary>Teams names people by their Entra object id, Slack by their user id.</summary>
    private string Id(string user) => platform == "teams" ? $"obj-{user}" : $"U{user.ToUpperInvariant()}";

    /// <summary>How policy.yaml names <paramref name="user"/> on this platform: <c>teams:obj-dana</c>, <c>slack:UDANA</c>.</summary>
    private string PolicyId(string user) => $"{platform}:{Id(user)}";

    private string List(params string[] users) => "[" + string.Join(", ", users.Select(u => $"\"{PolicyId(u)}\"")) + "]";

    private RequesterIdentity Person(string user) => new(platform, Id(user), char.ToUpperInvariant(user[0]) + user[1..]);

    private Task<string> SayAsync(string user, string text) => SendAsync(Person(user), text);

    private async Task<string> SendAsync(RequesterIdentity who, string text, string conversationId = "general", FormSubmission? form = null) =>
        ChatTestHost.Render(await Chat.SendAsync(new ChatMessage(Chat.NextInboundId(), ChatTestHost.Conversation(conversationId), who, text, form)));

    private Task<string> SubmitAsync(string user, string formId, IReadOnlyDictionary<string, string> values) =>
        SendAsync(Person(user), "", form: new FormSubmission(formId, values));

    private static Dictionary<string, string> AllTicked => new() { ["health"] = "true", ["smoke"] = "true", ["functionality"] = "true" };

    private static Dictionary<string, string> ChecklistAnswers => new()
    {
        ["purge"] = "true",
        ["scheduler"] = "true",
        ["database"] = "true",
        ["destructive"] = "true",
        ["monitoring"] = "true",
    };

    private async Task AssertRefusalAuditedAsync(string action, string who, string policyKey)
    {
        var refusals = (await Chat.Get<AuditLog>().ReadAsync()).Where(e => e.Action == "authorization.refused").ToList();
        Assert.Contains(refusals, e =>
        {
            using var details = JsonDocument.Parse(e.Details!);
            return details.RootElement.GetProperty("action").GetString() == action
                && details.RootElement.GetProperty("who").GetString() == who
                && details.RootElement.GetProperty("policyKey").GetString() == policyKey
                && e.Actor.Id == who;
        });
    }
}
