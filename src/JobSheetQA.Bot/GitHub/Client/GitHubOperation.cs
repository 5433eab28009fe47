namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Describes a gateway call for logs and for error messages.</summary>
/// <param name="Name">A short log name, e.g. <c>runs.get</c>.</param>
/// <param name="Action">What was being done, for messages: "read the HEAD of main".</param>
/// <param name="Permission">The fine-grained permission it needs, e.g. <c>Actions: read</c>
/// (https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens).</param>
/// <param name="Idempotent">False for calls that must not be repeated blindly (the dispatch POST).</param>
internal sealed record GitHubOperation(string Name, string Action, string Permission, bool Idempotent = true);
