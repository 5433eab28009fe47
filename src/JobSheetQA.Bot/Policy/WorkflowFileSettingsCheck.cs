using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Start-up: <c>GitHub:Workflow</c> (the file the bot dispatches) and policy.yaml's <c>workflow</c> (the file the
/// WORKFLOW-* rules read before dispatch) must be the same file, or the bot would check one workflow and run another.
/// </summary>
internal sealed class WorkflowFileSettingsCheck : ISettingsCheck
{
    /// <summary>GitHub runs only the workflows in this folder (not in folders below it).</summary>
    public const string WorkflowsFolder = ".github/workflows";

    public IReadOnlyList<SettingsProblem> FindProblems(IServiceProvider services)
    {
        string policyFile;
        PromotionPolicy policy;
        try
        {
            policyFile = services.GetRequiredService<IOptions<PolicyOptions>>().Value.ResolvePath(AppContext.BaseDirectory);
            policy = services.GetRequiredService<PromotionPolicy>();
        }
        catch (Exception e) when (e is OptionsValidationException or PolicyValidationException)
        {
            return []; // An unusable policy file is reported by its own check; there is no workflow to compare.
        }

        var setting = WorkflowSetting(services);
        if (string.IsNullOrWhiteSpace(setting) || GitHubPaths.SegmentProblem(setting) is not null)
        {
            return []; // Not a file name: the GitHub options check says so.
        }

        return Mismatch(setting, policy.WorkflowPath, policyFile) is { } problem
            ? [new SettingsProblem(problem, new InvalidOperationException(problem))]
            : [];
    }

    /// <summary><c>GitHub:Workflow</c>, also when another <c>GitHub:*</c> key is invalid, so its problem is listed with theirs.</summary>
    private static string? WorkflowSetting(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IOptions<GitHubOptions>>().Value.Workflow;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            return services.GetService<IConfiguration>()?[$"{GitHubOptions.SectionName}:{nameof(GitHubOptions.Workflow)}"]
                ?? new GitHubOptions().Workflow;
        }
    }

    /// <summary>
    /// Why <paramref name="setting"/> (a file name, <c>promotion.yml</c>) and <paramref name="policyWorkflow"/> (a path,
    /// <c>.github/workflows/promotion.yml</c>; a bare file name means the one in <c>.github/workflows</c>) name different
    /// files, saying what to change; null when they name the same one. File names are case-sensitive, as on GitHub.
    /// </summary>
    public static string? Mismatch(string setting, string policyWorkflow, string policyFile)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(policyWorkflow);

        var name = setting.Trim();
        var path = policyWorkflow.Trim().Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith('/'))
        {
            path = path.StartsWith('/') ? path[1..] : path[2..];
        }

        var slash = path.LastIndexOf('/');
        var folder = slash < 0 ? WorkflowsFolder : path[..slash];
        var policyName = path[(slash + 1)..];
        var dispatched = $"{WorkflowsFolder}/{name}";
        var shown = $"GitHub:Workflow '{GitHubPaths.Printable(setting)}' and policy.yaml's workflow '{GitHubPaths.Printable(policyWorkflow)}' ({policyFile})";

        if (name.Length > 0 && name.All(char.IsAsciiDigit))
        {
            return $"{shown} cannot be compared: GitHub:Workflow is a workflow id, not a file name, so nobody can tell whether the bot " +
                $"checks the workflow it dispatches. Set GitHub:Workflow (environment variable GitHub__Workflow) to {policyName}.";
        }

        if (!string.Equals(folder, WorkflowsFolder, StringComparison.Ordinal) || policyName.Length == 0)
        {
            return $"{shown} name different files: GitHub runs workflows only from {WorkflowsFolder}/, so the bot would dispatch " +
                $"{dispatched} but check {path} before dispatch. Set workflow in {policyFile} to {dispatched}.";
        }

        if (string.Equals(name, policyName, StringComparison.Ordinal))
        {
            return null;
        }

        var caseOnly = string.Equals(name, policyName, StringComparison.OrdinalIgnoreCase) ? " (file names are case-sensitive)" : "";
        return $"{shown} name different files{caseOnly}: the bot would dispatch {dispatched} but check {WorkflowsFolder}/{policyName} " +
            $"before dispatch. Set GitHub:Workflow (environment variable GitHub__Workflow) to {policyName}, or workflow in {policyFile} " +
            $"to {dispatched}, whichever is the promotion workflow.";
    }
}
