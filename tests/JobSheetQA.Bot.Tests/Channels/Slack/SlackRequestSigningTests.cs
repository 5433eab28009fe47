using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>docs/protocol-conformance.md C2.1–C2.6: signing, timestamps, raw bytes, malformed and oversize bodies,
/// url_verification, ssl_check.</summary>
public sealed class SlackRequestSigningTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private SlackTestHost Slack => fixture.Slack;

    private static byte[] Challenge() => Encoding.UTF8.GetBytes("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

    [Fact]
    public async Task A_valid_signature_is_accepted_and_url_verification_echoes_the_challenge()
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("v0=")]
    [InlineData("garbage")]
    public async Task A_signature_that_does_not_match_is_refused(string signature)
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json",
            tweak: r => Replace(r, SlackRequestVerifier.SignatureHeader, signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_of_another_version_is_refused_even_with_the_right_digest()
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json",
            tweak: r => Replace(r, SlackRequestVerifier.SignatureHeader, "v1=" + r.Headers.GetValues(SlackRequestVerifier.SignatureHeader).Single()[3..]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_signed_with_another_secret_is_refused()
    {
        var body = Challenge();
        var ts = SlackTestHost.Now;
        var response = await Slack.PostSignedAsync("/api/slack/events", body, "application/json", ts,
            r => Replace(r, SlackRequestVerifier.SignatureHeader, SlackTestHost.Signature(body, ts, "another-secret")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(SlackRequestVerifier.SignatureHeader)]
    [InlineData(SlackRequestVerifier.TimestampHeader)]
    public async Task A_missing_header_is_refused(string header)
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json", tweak: r => r.Headers.Remove(header));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_repeated_signature_header_is_refused()
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json",
            tweak: r => r.Headers.TryAddWithoutValidation(SlackRequestVerifier.SignatureHeader, r.Headers.GetValues(SlackRequestVerifier.SignatureHeader).Single()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task A_non_numeric_timestamp_is_refused(string timestamp)
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json",
            tweak: r => Replace(r, SlackRequestVerifier.TimestampHeader, timestamp));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // Ten seconds past the limit, not one: the test reads the clock before the request and the bot after it, and on a
    // loaded machine a second can pass in between (+301 then arrives as +300, which is allowed).
    [Theory]
    [InlineData(-310)]
    [InlineData(-3600)]
    [InlineData(310)]
    [InlineData(3600)]
    public async Task A_timestamp_more_than_five_minutes_old_or_ahead_is_refused_though_correctly_signed(int offsetSeconds)
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json", SlackTestHost.Now + offsetSeconds);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-280)]
    [InlineData(280)]
    public async Task A_timestamp_within_five_minutes_either_way_is_accepted(int offsetSeconds)
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", Challenge(), "application/json", SlackTestHost.Now + offsetSeconds);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task One_byte_changed_after_signing_is_refused()
    {
        var body = Challenge();
        var ts = SlackTestHost.Now;
        var signature = SlackTestHost.Signature(body, ts);
        body[^3] ^= 0x01;

        var response = await Slack.PostSignedAsync("/api/slack/events", body, "application/json", ts,
            r => Replace(r, SlackRequestVerifier.SignatureHeader, signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_form_is_verified_on_its_raw_bytes_not_a_re_encoding()
    {
        // Spaces as '+', a literal '*' escaped as %2A and lower-case escapes: any re-encoding of the parsed form differs.
        var body = Encoding.UTF8.GetBytes(
            $"team_id={SlackTestHost.TeamId}&channel_id=C0RAW&user_id=U0DANA&user_name=dana&command=%2fpromote&text=status+staging%2A&response_url={Uri.EscapeDataString(Slack.Api.ResponseUrl("raw").ToString())}&trigger_id=t.raw");

        var response = await Slack.PostSignedAsync("/api/slack/commands", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "raw");
    }

    [Theory]
    [InlineData("/api/slack/events", "{not json", "application/json")]
    [InlineData("/api/slack/events", "[1,2]", "application/json")]
    [InlineData("/api/slack/events", """{"type":"event_callback","event_id":"Ev1"}""", "application/json")]
    [InlineData("/api/slack/interactions", "nopayload=1", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/interactions", "payload=%7Bbroken", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/interactions", "payload=%7B%7D", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/commands", "text=status", "application/x-www-form-urlencoded")]
    public async Task A_malformed_body_that_is_correctly_signed_gets_400(string path, string body, string contentType)
    {
        var response = await Slack.PostSignedAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_that_is_not_signed_gets_401_not_400()
    {
        var response = await Slack.PostSignedAsync("/api/slack/events", "{not json"u8.ToArray(), "application/json",
            tweak: r => Replace(r, SlackRequestVerifier.SignatureHeader, "v0=00"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_four_megabytes_gets_413()
    {
        var body = new byte[SlackRequestReceiver.MaxBodyBytes + 1];
        Array.Fill(body, (byte)' ');

        var response = await Slack.PostSignedAsync("/api/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ssl_check_is_answered_200_without_a_signature()
    {
        var response = await Slack.PostSignedAsync("/api/slack/commands", "ssl_check=1&token=x"u8.ToArray(), "application/x-www-form-urlencoded",
            tweak: r =>
            {
                r.Headers.Remove(SlackRequestVerifier.SignatureHeader);
                r.Headers.Remove(SlackRequestVerifier.TimestampHeader);
            });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/slack/commands", "a=1&a=2")]
    [InlineData("/api/slack/interactions", "a=1&a=2")]
    [InlineData("/api/slack/commands", "ssl_check=1&ssl_check=1")]
    [InlineData("/api/slack/interactions", "ssl_check=1&token=x&token=y")]
    public async Task A_form_with_a_repeated_field_that_is_not_signed_gets_401_not_500(string path, string body)
    {
        var response = await Slack.PostSignedAsync(path, Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", tweak: Unsign);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/slack/commands", "a=1&a=2")]
    [InlineData("/api/slack/interactions", "payload=%7B%7D&payload=%7B%7D")]
    public async Task A_form_with_a_repeated_field_that_is_correctly_signed_gets_400(string path, string body)
    {
        var response = await Slack.PostSignedAsync(path, Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_slash_command_with_a_field_given_twice_is_refused_and_never_answered()
    {
        var channel = SlackHostFixture.NewChannel();
        var body = Encoding.UTF8.GetBytes(SlackTestHost.FormEncode(Slack.SlashCommand(channel, "U0DANA", "help", responseId: channel)) + "&text=status");

        var unsigned = await Slack.PostSignedAsync("/api/slack/commands", body, "application/x-www-form-urlencoded", tweak: Unsign);
        var signed = await Slack.PostSignedAsync("/api/slack/commands", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signed.StatusCode);
        // One worker handles turns in order, so once the control is answered anything queued before it would have been too.
        await Slack.PostCommandAsync(Slack.SlashCommand(channel, "U0DANA", "help", responseId: channel + "-control"));
        await Slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel + "-control");
        Assert.DoesNotContain(Slack.Api.CallsTo("response_url"), c => c.Str("__id") == channel);
    }

    private static void Unsign(HttpRequestMessage request)
    {
        request.Headers.Remove(SlackRequestVerifier.SignatureHeader);
        request.Headers.Remove(SlackRequestVerifier.TimestampHeader);
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }
}
