using System.Text;
using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>
/// Turns a valid JSON body into a hostile one, deterministically from its <see cref="Random"/>: structural mutations on the
/// tree (drop, rename or retype a member; nulls and junk in arrays; deep nesting; huge and hostile strings; unknown types)
/// and then, sometimes, one on the text or bytes (a member given twice, a lone surrogate escape, truncation, invalid UTF-8,
/// a byte-order mark, trailing junk).
/// </summary>
public sealed class JsonMutator(Random random)
{
    /// <summary>Strings a client should never be trusted with: schemes and hosts the bot must not call, markup, control characters.</summary>
    public static readonly string[] HostileStrings =
    [
        "", " ", "null", "\0", "\u202e", "<at>JobSheetQA</at>", "&nbsp;", "javascript:alert(1)", "file:///etc/passwd",
        "gopher://127.0.0.1:70/_x", "http://169.254.169.254/latest/meta-data/", "https://hooks.slack.com.evil.example/actions/1",
        "https://evil.example/", "ftp://evil.example/", "//evil.example/", "../../../../etc/passwd", "%00%ff", "𝕏𝕏𝕏", "a:b:c",
        "19:x@thread.v2;messageid=", "-1", "9999999999999999999999", "true", "{}", "[]", "help", "status", "whoami",
    ];

    private const string LoneSurrogateMarker = "\u0001LONE\u0001";

    /// <summary>What the structural step may write in place of a value.</summary>
    private JsonNode? Junk() => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(0),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(true),
        5 => new JsonObject(),
        6 => new JsonArray(),
        7 => new JsonArray((JsonNode?)null),
        8 => new JsonObject { ["a"] = null },
        9 => JsonValue.Create(new string('x', random.Next(1_000, 60_000))),
        10 => JsonValue.Create(LoneSurrogateMarker),
        _ => JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]),
    };

    public FuzzBody Mutate(JsonNode seed, IReadOnlyList<string>? typeMembers = null)
    {
        var root = seed.DeepClone();
        var done = new List<string>();
        var structural = random.Next(0, 4);
        for (var i = 0; i < structural; i++)
            root = MutateTree(root, typeMembers, done);

        var text = root.ToJsonString();
        text = text.Replace("\\u0001LONE\\u0001", "\\ud800", StringComparison.Ordinal);
        if (random.Next(3) == 0)
            text = MutateText(text, done);

        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(6) == 0)
            bytes = MutateBytes(bytes, done);
        return new FuzzBody(bytes, done.Count == 0 ? "unchanged" : string.Join("; ", done));
    }

    private JsonNode MutateTree(JsonNode root, IReadOnlyList<string>? typeMembers, List<string> done)
    {
        // An unknown or mistyped activity/event type, at the root.
        if (typeMembers is { Count: > 0 } && root is JsonObject top && random.Next(8) == 0)
        {
            var member = typeMembers[random.Next(typeMembers.Count)];
            top[member] = random.Next(3) == 0 ? Junk() : JsonValue.Create($"unknown-{random.Next(100)}");
            done.Add($"{member} changed");
            return root;
        }

        var places = new List<JsonNode>();
        Collect(root, places);
        var target = places[random.Next(places.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0:
                var names = obj.Select(p => p.Key).ToList();
                var name = names[random.Next(names.Count)];
                switch (random.Next(5))
                {
                    case 0:
                        obj.Remove(name);
                        done.Add($"dropped {name}");
                        break;
                    case 1:
                        var value = obj[name];
                        obj.Remove(name);
                        obj[random.Next(2) == 0 ? name.ToUpperInvariant() : name + "_"] = value;
                        done.Add($"renamed {name}");
                        break;
                    case 2:
                        obj[name] = Nest(obj[name]?.DeepClone(), random.Next(60, 300));
                        done.Add($"nested {name}");
                        break;
                    default:
                        obj[name] = Junk();
                        done.Add($"retyped {name}");
                        break;
                }

                break;
            case JsonArray array:
                if (array.Count > 0 && random.Next(2) == 0)
                {
                    array[random.Next(array.Count)] = Junk();
                    done.Add("array element retyped");
                }
                else
                {
                    array.Add(random.Next(2) == 0 ? null : Junk());
                    done.Add("array element added");
                }

                break;
            case JsonObject empty:
                empty[HostileStrings[random.Next(HostileStrings.Length)] + "k"] = Junk();
                done.Add("member added");
                break;
        }

        return root;
    }

    private static JsonNode? Nest(JsonNode? value, int depth)
    {
        for (var i = 0; i < depth; i++)
            value = new JsonArray(value);
        return value;
    }

    private static void Collect(JsonNode? node, List<JsonNode> places)
    {
        switch (node)
        {
            case JsonObject obj:
                places.Add(obj);
                foreach (var (_, child) in obj)
                    Collect(child, places);
                break;
            case JsonArray array:
                places.Add(array);
                foreach (var child in array)
                    Collect(child, places);
                break;
        }
    }

    private string MutateText(string text, List<string> done)
    {
        switch (random.Next(5))
        {
            case 0 when text.StartsWith('{') && text.Length > 2:
                // The first member again, with another value: which one counts differs between readers.
                var end = text.IndexOf(',', StringComparison.Ordinal);
                var first = end > 0 ? text[1..end] : text[1..^1];
                var colon = first.IndexOf("\":", StringComparison.Ordinal);
                if (colon < 0)
                    return text;
                done.Add("duplicate member");
                return "{" + first[..(colon + 2)] + "\"other\"," + text[1..];
            case 1:
                var quote = text.IndexOf('"', random.Next(text.Length));
                if (quote < 0)
                    return text;
                done.Add("lone surrogate");
                return text.Insert(quote + 1, random.Next(2) == 0 ? "\\udc00" : "\\ud83d");
            case 2:
                done.Add("truncated");
                return text[..random.Next(text.Length)];
            case 3:
                done.Add("trailing junk");
                return text + (random.Next(2) == 0 ? "}" : " {\"a\":1}");
            default:
                done.Add("whitespace");
                return " \n\t" + text + "\r\n";
        }
    }

    private byte[] MutateBytes(byte[] bytes, List<string> done)
    {
        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBB, 0xBF]];
        var insert = invalid[random.Next(invalid.Length)];
        var at = random.Next(bytes.Length + 1);
        done.Add($"bytes {Convert.ToHexString(insert)} at {at}");
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }
}
