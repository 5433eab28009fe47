using System.Text.Json;
using System.Text.Unicode;

namespace JobSheetQA.Bot.Hosting.Inbound;

/// <summary>
/// What every inbound JSON body (a Teams activity, a Slack event or interaction payload, a GitHub delivery) must be before a
/// parser reads it: UTF-8, one JSON value, at most <see cref="MaxDepth"/> deep, every string and member name valid Unicode
/// (no lone surrogate escape such as <c>"\ud800"</c>, which only fails later, when a reader asks for the text), and no member
/// given twice in one object (readers disagree on which one counts). A body that is not is the client's mistake: a 400 with
/// the <see cref="Problem"/> as its reason, never an exception deep inside a handler.
/// </summary>
public static class StrictJson
{
    /// <summary>The nesting limit, the same as System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Null for a body that passes; otherwise a short reason (safe to log and to answer with).</summary>
    public static string? Problem(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith(Utf8Bom))
            body = body[Utf8Bom.Length..];
        if (body.IsEmpty)
            return "the body is empty";
        if (!Utf8.IsValid(body))
            return "the body is not UTF-8";

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        var objects = new Stack<HashSet<string>>();
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        depth++;
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        depth--;
                        objects.Pop();
                        break;
                    case JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        // Unescaped before comparing: "a" and "\u0061" are the same member.
                        var name = reader.GetString()!;
                        if (!objects.Peek().Add(name))
                            return $"member '{Shorten(name)}' is given twice in one object";
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // The bytes are valid UTF-8, so only an escape can hold a lone surrogate; unescaping finds it.
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException) when (depth >= MaxDepth)
        {
            return $"the body is nested more than {MaxDepth} levels deep";
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
        catch (InvalidOperationException)
        {
            return "a string in the body is not valid Unicode (a lone surrogate escape)";
        }

        return null;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
