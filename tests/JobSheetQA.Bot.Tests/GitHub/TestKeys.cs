using System.Security.Cryptography;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>A throwaway RSA key for GitHub App tests, generated per test run.</summary>
internal static class TestKeys
{
    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));

    public static RSA Rsa => Key.Value;

    public static string PrivateKeyPem => Key.Value.ExportRSAPrivateKeyPem();

    public static string PublicKeyPem => Key.Value.ExportSubjectPublicKeyInfoPem();
}
