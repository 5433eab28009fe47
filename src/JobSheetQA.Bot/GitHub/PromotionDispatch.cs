using System.Globalization;
using System.Text.RegularExpressions;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.GitHub;

/// <summary>What to send to <c>promotion.yml</c>: the four runbook inputs (§2.1) plus the correlation id.</summary>
/// <param name="CorrelationId">The promotion id; it ends up in the run's title as <c>[id]</c> and identifies the run.</param>
/// <param name="Environment"><c>target_environment</c>.</param>
/// <param name="Ref">The branch (or tag) to run the workflow from, e.g. <c>main</c>.</param>
/// <param name="UseNightlyParity"><c>use_nightly_parity</c>.</param>
/// <param name="SkipParity"><c>skip_parity</c> (staging only; the policy decides, the workflow re-checks).</param>
/// <param name="SkipParityAcknowledgement"><c>skip_parity_acknowledgement</c> exactly as typed; null when none.</param>
public sealed partial record PromotionDispatch(
    string CorrelationId,
    string Environment,
    string Ref,
    bool UseNightlyParity,
    bool SkipParity,
    string? SkipParityAcknowledgement)
{
    /// <summary>The branch name the ref designates (<c>refs/heads/main</c> → <c>main</c>), used to filter runs.</summary>
    public string Branch => GitRef.BranchOf(Ref);

    /// <summary>The workflow inputs. Values are strings ("true"/"false"): a JSON boolean is not what the
    /// dispatch API documents, and <c>github.event.inputs.x</c> is a string anyway (actions/runner#1483).</summary>
    public IReadOnlyDictionary<string, string> Inputs() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["target_environment"] = Environment,
        ["use_nightly_parity"] = Bool(UseNightlyParity),
        ["skip_parity"] = Bool(SkipParity),
        ["skip_parity_acknowledgement"] = SkipParityAcknowledgement ?? string.Empty,
        ["correlation_id"] = CorrelationId,
    };

    /// <summary>The run title <c>promotion.yml</c>'s <c>run-name:</c> produces:
    /// <c>Promotion staging skip_parity=false nightly=false [id]</c>.</summary>
    public string ExpectedRunName => $"Promotion {Environment} skip_parity={Bool(SkipParity)} nightly={Bool(UseNightlyParity)} [{CorrelationId}]";

    /// <summary>The marker searched for in <c>display_title</c>.</summary>
    public string CorrelationMarker => CorrelationMarkerFor(CorrelationId);

    internal static string CorrelationMarkerFor(string correlationId) => $"[{correlationId}]";

    /// <summary>The id between the last <c>[</c> and <c>]</c> of a run title such as <c>Promotion staging [p-42]</c>.</summary>
    public static string? CorrelationIdIn(string? displayTitle)
    {
        if (string.IsNullOrEmpty(displayTitle) || !displayTitle.EndsWith(']'))
            return null;
        var open = displayTitle.LastIndexOf('[');
        return open >= 0 && open < displayTitle.Length - 2 ? displayTitle[(open + 1)..^1] : null;
    }

    /// <summary>
    /// The inputs a run title shows (<see cref="ExpectedRunName"/>'s form), for a run the bot did not dispatch: GitHub's API
    /// does not return a run's <c>workflow_dispatch</c> inputs. Null when the title does not show them exactly, for
    /// <paramref name="environment"/> (an older <c>run-name</c> such as <c>Promotion staging [manual]</c>, or a hand-edited one).
    /// </summary>
    public static RunTitleInputs? InputsIn(string? displayTitle, string environment)
    {
        if (string.IsNullOrEmpty(displayTitle))
            return null;
        var match = RunTitlePattern().Match(displayTitle);
        return match.Success && match.Groups["environment"].Value == environment
            ? new RunTitleInputs(match.Groups["skip"].Value == "true", match.Groups["nightly"].Value == "true")
            : null;
    }

    [GeneratedRegex(@"^Promotion (?<environment>\S+) skip_parity=(?<skip>true|false) nightly=(?<nightly>true|false) \[[^\[\]]+\]$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RunTitlePattern();

    private static string Bool(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
