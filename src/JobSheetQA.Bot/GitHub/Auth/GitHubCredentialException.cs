namespace JobSheetQA.Bot.GitHub.Auth;

/// <summary>Credentials could not be obtained (e.g. the GitHub App's JWT was rejected). The message is for users and names the setting to fix.</summary>
public sealed class GitHubCredentialException(string message, Exception? innerException = null) : Exception(message, innerException);
