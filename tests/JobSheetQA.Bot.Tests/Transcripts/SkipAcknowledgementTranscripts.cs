using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>Runs on SQLite and on PostgreSQL (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).</summary>
public abstract class SkipAcknowledgementTranscripts : TranscriptTest
{
    private const string Phrase = "I_ACCEPT_PARITY_SKIP";

    [Fact]
    public async Task Staging_skip_accepts_only_the_exact_phrase_from_the_requester_and_dispatches_it_once()
    {
        // dana: promote staging skip parity
        var prompt = await Chat.SayAsync("dana", "promote staging skip parity");
        Assert.StartsWith("**Needs acknowledgement**: promote staging skip parity", prompt, StringComparison.Ordinal);
        Assert.Contains("ACK  REQ-SKIP-ACK (runbook §2.4, §5.4)", prompt, StringComparison.Ordinal);
        Assert.Contains($"Type exactly `{Phrase}`", prompt, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement: ____", prompt, StringComparison.Ordinal);
        var id = PromotionIdIn(prompt);
        Assert.Equal(PromotionState.AwaitingAcknowledgement, (await PromotionAsync(id)).State);

        // Wrong case, a leading space, a trailing space, an extra character: refused, the prompt stays open.
        foreach (var wrong in new[] { "i_accept_parity_skip", " " + Phrase, Phrase + " ", Phrase + "!" })
        {
            var answer = await Chat.SayAsync("dana", wrong);
            Assert.StartsWith($"**Missing skip acknowledgement**: you typed `{wrong}`. Type exactly `{Phrase}`", answer, StringComparison.Ordinal);
            Assert.Contains("is still open", answer, StringComparison.Ordinal);
        }

        // erin: I_ACCEPT_PARITY_SKIP — not hers to give.
        var erin = await Chat.SayAsync("erin", Phrase);
        Assert.StartsWith($"Thanks, but only Dana can acknowledge promotion `{id}`", erin, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Equal(PromotionState.AwaitingAcknowledgement, (await PromotionAsync(id)).State);

        // dana: I_ACCEPT_PARITY_SKIP
        var accepted = await Chat.SayAsync("dana", Phrase);
        Assert.StartsWith("**Dispatched** promote staging skip parity", accepted, StringComparison.Ordinal);
        var run = Assert.Single(await GitHub.RunsAsync());
        Assert.Equal("staging", run.Inputs["target_environment"]);
        Assert.Equal("true", run.Inputs["skip_parity"]);
        Assert.Equal(Phrase, run.Inputs["skip_parity_acknowledgement"]);
        Assert.Equal("false", run.Inputs["use_nightly_parity"]);
        Assert.Equal(id, run.Inputs["correlation_id"]);
        Assert.Equal(PromotionState.Dispatched, (await PromotionAsync(id)).State);
        Assert.Equal([id], Tracking.Requests);

        // A used acknowledgement cannot be used again.
        var again = await Chat.SayAsync("dana", Phrase);
        Assert.StartsWith("There is no acknowledgement waiting for you, so nothing changed.", again, StringComparison.Ordinal);
        Assert.Single(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task The_prompt_form_works_like_typing_and_a_used_form_cannot_be_submitted_again()
    {
        var formId = await AskForAcknowledgementAsync("dana");

        var wrong = await Chat.SubmitAsync("dana", formId, new Dictionary<string, string> { ["phrase"] = "I_ACCEPT_PARITY_SKIP\n" });
        Assert.StartsWith("**Missing skip acknowledgement**", wrong, StringComparison.Ordinal);

        var stranger = await Chat.SubmitAsync("erin", formId, new Dictionary<string, string> { ["phrase"] = Phrase });
        Assert.StartsWith("Thanks, but only Dana can acknowledge", stranger, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());

        var accepted = await Chat.SubmitAsync("dana", formId, new Dictionary<string, string> { ["phrase"] = Phrase });
        Assert.StartsWith("**Dispatched**", accepted, StringComparison.Ordinal);

        var reused = await Chat.SubmitAsync("dana", formId, new Dictionary<string, string> { ["phrase"] = Phrase });
        Assert.Contains("was already used; each one counts once", reused, StringComparison.Ordinal);
        Assert.Single(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task When_main_moves_before_the_acknowledgement_the_promotion_is_refused_and_must_be_asked_again()
    {
        await AskForAcknowledgementAsync("dana");
        var id = (await Chat.Get<PromotionStore>().RecentAsync("staging", 1)).Single().Id;
        await GitHub.SetBranchHeadAsync("main", "0123456789abcdef0123456789abcdef01234567");

        var bot = await Chat.SayAsync("dana", Phrase);

        Assert.StartsWith("**Refused**: main moved from `9f2c4e1` to `0123456` since you were asked", bot, StringComparison.Ordinal);
        Assert.Contains("type `promote staging skip parity` again", bot, StringComparison.Ordinal);
        Assert.Equal(PromotionState.Refused, (await PromotionAsync(id)).State);
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("staging"));
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task An_expired_acknowledgement_is_refused()
    {
        await AskForAcknowledgementAsync("dana");
        var promotion = (await Chat.Get<PromotionStore>().RecentAsync("staging", 1)).Single();
        var stale = await Chat.Get<AcknowledgementStore>().RequestAsync(
            promotion.Id, TestChannel.Name, "dana", "staging", promotion.CommitSha, "REQ-SKIP-ACK", Phrase,
            DateTimeOffset.UtcNow.AddMinutes(-30), TimeSpan.FromMinutes(10));

        var bot = await Chat.SubmitAsync("dana", $"ack:{stale.Id}", new Dictionary<string, string> { ["phrase"] = Phrase });

        Assert.StartsWith($"The acknowledgement for promotion `{promotion.Id}` expired at", bot, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task Typing_the_phrase_after_the_prompt_expired_dispatches_nothing_and_says_so()
    {
        await AskForAcknowledgementAsync("dana");
        var promotion = (await Chat.Get<PromotionStore>().RecentAsync("staging", 1)).Single();
        Assert.Single(await Chat.Get<AcknowledgementStore>().ExpireDueAsync(DateTimeOffset.UtcNow.AddMinutes(11)));

        var bot = await Chat.SayAsync("dana", Phrase);

        Assert.Equal($"The acknowledgement for promotion `{promotion.Id}` (staging) has expired; nothing was dispatched. Type `promote staging skip parity` to ask again.", bot);
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task Text_that_is_no_acknowledgement_gets_help_when_nothing_is_waiting()
    {
        var bot = await Chat.SayAsync("dana", "hello there");

        Assert.Contains("Commands:", bot, StringComparison.Ordinal);
    }

    /// <summary>dana: promote staging skip parity — returns the prompt's form id.</summary>
    private async Task<string> AskForAcknowledgementAsync(string user)
    {
        var result = await Chat.SendAsync(new ChatMessage(Chat.NextInboundId(), ChatTestHost.Conversation("general"), ChatTestHost.User(user), "promote staging skip parity"));
        var form = result.Replies.SelectMany(r => r.Blocks).OfType<FormBlock>().Single();
        Assert.StartsWith("ack:", form.FormId, StringComparison.Ordinal);
        Assert.Equal("phrase", Assert.Single(form.Inputs).Id);
        return form.FormId;
    }

    public sealed class OnSqlite : SkipAcknowledgementTranscripts
    {
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : SkipAcknowledgementTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
