using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>
/// The "Verify staging deployment" checklist (runbook §3.1 step 3: check application health, run smoke tests, verify key
/// functionality) as a form about one deployed commit. Its id carries the environment and commit, so a submission
/// records against exactly what was shown, even if something newer was deployed meanwhile.
/// </summary>
public static class StagingVerificationForm
{
    public const string Prefix = "verify:";
    public const string Health = "health";
    public const string Smoke = "smoke";
    public const string Functionality = "functionality";
    public const string Note = "note";

    /// <summary>The three checks, by input id, in the runbook's order and words.</summary>
    public static readonly IReadOnlyList<(string Id, StagingCheck Check, string Label, string Short)> Checks =
    [
        (Health, StagingCheck.ApplicationHealth, "Application health checked", "application health"),
        (Smoke, StagingCheck.SmokeTests, "Smoke tests run and passed", "smoke tests"),
        (Functionality, StagingCheck.KeyFunctionality, "Key functionality verified", "key functionality"),
    ];

    public static string FormId(string environment, string commitSha) => $"{Prefix}{environment}:{commitSha}";

    /// <summary>Reads a form id written by <see cref="FormId"/>; false for anything else.</summary>
    public static bool TryParse(string formId, out string environment, out string commitSha)
    {
        environment = commitSha = "";
        if (!formId.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var parts = formId[Prefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            return false;
        (environment, commitSha) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>The checklist about <paramref name="deployed"/>, the latest successful promotion to its environment.</summary>
    public static Reply Prompt(PromotionEntity deployed, IReadOnlyList<StagingVerification> earlier, string? problem = null)
    {
        var blocks = new List<ReplyBlock>();
        if (problem is not null)
            blocks.Add(new TextBlock(problem));
        blocks.Add(new TextBlock(
            $"**Verify {deployed.Environment}**: commit `{ChatText.ShortSha(deployed.CommitSha)}` is deployed there (promotion `{deployed.Id}`). " +
            $"Runbook §3.1 steps 3–4: tick each check you made. All three are needed before production (rule STAGE-FIRST)."));
        var facts = new List<ReplyFact>
        {
            new("Commit", deployed.CommitSha),
            new("Promotion", $"{deployed.Id} by {deployed.RequesterDisplayName}, finished {ChatText.Utc(deployed.CompletedAt ?? deployed.UpdatedAt)}"),
        };
        if (deployed.RunUrl is not null)
            facts.Add(new ReplyFact("Run", deployed.RunUrl));
        if (earlier.Where(v => v.IsComplete).MaxBy(v => v.VerifiedAt) is { } done)
            facts.Add(new ReplyFact("Already verified", $"by {done.VerifiedBy} at {ChatText.Utc(done.VerifiedAt)}; submitting records another verification"));
        blocks.Add(new FactsBlock(facts));

        var inputs = Checks.Select(c => new ReplyInput(c.Id, c.Label, ReplyInputKind.Toggle)).ToList();
        inputs.Add(new ReplyInput(Note, "Note (optional)", ReplyInputKind.Text, "e.g. smoke suite run 1432, dashboards green"));
        blocks.Add(new FormBlock(FormId(deployed.Environment, deployed.CommitSha), inputs, "Record verification"));
        return new Reply(blocks);
    }

    /// <summary>The checks as ticked in <paramref name="form"/>, with its note trimmed.</summary>
    public static StagingChecks Answers(FormSubmission form) => new(
        form.IsChecked(Health), form.IsChecked(Smoke), form.IsChecked(Functionality), form.Value(Note)?.Trim());

    /// <summary>A check in the runbook's words ("smoke tests").</summary>
    public static string Name(StagingCheck check) => Checks.Single(c => c.Check == check).Short;
}
