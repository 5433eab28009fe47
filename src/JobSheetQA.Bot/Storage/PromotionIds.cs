using System.Security.Cryptography;

namespace JobSheetQA.Bot.Storage;

/// <summary>Short promotion ids people can type in chat (<c>cancel k7m2q9xa</c>): lower case, without the look-alikes 0/o and 1/l/i.</summary>
public static class PromotionIds
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
