using System.Security.Cryptography;

namespace JobSheetQA.Bot.Storage;

/// <summary>Short promotion ids people can type in chat (<c>cancel k7m2q9xa</c>): lower case, without the look-alikes 0/o and 1/l/i.</summary>
public static class PromotionIds
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// The id of the promotion a request with this key starts: always the same for the same key (a request handled
    /// twice finds its first promotion), and as spread as <see cref="New"/> (SHA-256 of the key).
    /// </summary>
    public static string For(string requestKey)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestKey));
        var id = new char[Length];
        for (var i = 0; i < Length; i++)
            id[i] = Alphabet[(int)(BitConverter.ToUInt32(hash, i * 4) % (uint)Alphabet.Length)];
        return new string(id);
    }
}
