using System.Text;
using JobSheetQA.Bot.Hosting.Inbound;

namespace JobSheetQA.Bot.Tests.Hosting.Inbound;

public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,null,"x"],"c":{"d":"\u00e9\ud83d\ude00"}}""")]
    [InlineData("""[]""")]
    [InlineData("""{"a":{"a":1},"b":{"a":2}}""")]
    public void Strict_JSON_passes(string json) => Assert.Null(StrictJson.Problem(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_byte_order_mark_is_allowed() => Assert.Null(StrictJson.Problem([0xEF, 0xBB, 0xBF, .. "{}"u8]));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("""{"a":1""", "not JSON")]
    [InlineData("""{"a":1} {"b":2}""", "not JSON")]
    [InlineData("""{"a":"\ud800"}""", "not valid Unicode")]
    [InlineData("""{"\udc00":1}""", "not valid Unicode")]
    [InlineData("""{"type":"message","type":"invoke"}""", "given twice")]
    [InlineData("""{"a":1,"\u0061":2}""", "given twice")]
    public void Anything_else_is_a_problem_named_in_a_few_words(string json, string expected) =>
        Assert.Contains(expected, StrictJson.Problem(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Invalid_UTF8_and_deep_nesting_are_problems()
    {
        Assert.Contains("not UTF-8", StrictJson.Problem([.. "{\"a\":\""u8, 0xFF, .. "\"}"u8]));
        Assert.Contains("nested more than 64", StrictJson.Problem(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65))));
        Assert.Null(StrictJson.Problem(Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64))));
    }
}
