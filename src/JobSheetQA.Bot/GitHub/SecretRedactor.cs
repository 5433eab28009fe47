using System.Text.RegularExpressions;

namespace JobSheetQA.Bot.GitHub;

/// <summary>
/// Masks what looks like a credential in text that came from a workflow (log lines, annotations) before it is shown in
/// chat: GitHub, Slack, Google and AWS keys, JWTs, Authorization values, <c>name=value</c> pairs whose name says secret,
/// credentials in URLs, private key blocks. GitHub masks registered secrets itself; this catches what it was not told about.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PrivateKey().IsMatch(text))
            return "[private key material removed]";
        text = Tokens().Replace(text, Mask);
        text = Authorization().Replace(text, m => $"{m.Groups["scheme"].Value} {Mask}");
        text = Assignment().Replace(text, m => $"{m.Groups["name"].Value}{m.Groups["sep"].Value}{Mask}");
        return UrlCredentials().Replace(text, $"://{Mask}@");
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    // ghp_/gho_/ghu_/ghs_/ghr_ and fine-grained PATs, Slack xox*, Google AIza…, AWS AKIA/ASIA, JWTs.
    [GeneratedRegex(
        @"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_\-]{30,}|(?:AKIA|ASIA)[A-Z0-9]{16}|eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,})",
        RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?<scheme>\b(?:[Bb]earer|[Bb]asic|[Tt]oken))\s+[A-Za-z0-9._~+/=\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Authorization();

    [GeneratedRegex(
        @"(?<name>\b[A-Za-z0-9_\-]*(?:secret|token|password|passwd|pwd|api[_\-]?key|apikey|private[_\-]?key|access[_\-]?key|credential)[A-Za-z0-9_\-]*""?)(?<sep>\s*[:=]\s*""?)(?!\*\*\*)[^\s""',;]+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"://[^/\s:@]+:[^/\s@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCredentials();
}
