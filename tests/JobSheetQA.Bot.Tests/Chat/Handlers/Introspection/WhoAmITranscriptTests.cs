using JobSheetQA.Bot.Tests.Chat.Handlers.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Introspection;

public sealed class WhoAmITranscriptTests
{
    public sealed class WithTheShippedPolicy : TranscriptTests
    {
        [Fact]
        public async Task Whoami_shows_the_identity_as_the_policy_names_people_and_development_access()
        {
            var answer = await Chat.SayAsync("dana", "whoami");

            Assert.Contains("You are **Dana** on test.", answer, StringComparison.Ordinal);
            Assert.Contains("User id: dana", answer, StringComparison.Ordinal);
            Assert.Contains("Policy id: `test:dana`", answer, StringComparison.Ordinal);
            Assert.Contains("E-mail: dana@example.com (shown only: policy.yaml never names people by e-mail)", answer, StringComparison.Ordinal);
            Assert.Contains("Verified: yes: test vouches for this user id", answer, StringComparison.Ordinal);
            // The test host runs in Development and the shipped policy lists nobody.
            Assert.Contains("promote production: yes, in Development only: policy.yaml lists no requesters (ACCESS warns)", answer, StringComparison.Ordinal);
        }
    }

    public sealed class WithListedRequesters : TranscriptTests
    {
        private readonly string policyFile = Path.Combine(Path.GetTempPath(), $"jobsheetqa-policy-{Guid.NewGuid():N}.yaml");

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Policy:File"] = policyFile };

        public override Task InitializeAsync()
        {
            var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
            var first = shipped.IndexOf("requesters: []", StringComparison.Ordinal);
            var second = shipped.IndexOf("requesters: []", first + 1, StringComparison.Ordinal);
            Assert.True(first > 0 && second > first, "the shipped policy lists requesters for staging and production");
            var edited = shipped[..first] + "requesters: [\"*\"]" + shipped[(first + "requesters: []".Length)..second]
                + "requesters: [\"test:dana\"]" + shipped[(second + "requesters: []".Length)..];
            File.WriteAllText(policyFile, edited);
            return base.InitializeAsync();
        }

        [Fact]
        public async Task A_listed_requester_may_promote_and_says_which_entry_names_them()
        {
            var answer = await Chat.SayAsync("dana", "whoami");

            Assert.Contains("promote staging: yes (listed as `*`)", answer, StringComparison.Ordinal);
            Assert.Contains("promote production: yes (listed as `test:dana`)", answer, StringComparison.Ordinal);
            // The rest of the matrix defaults to the environment's requesters.
            Assert.Contains("verify staging: yes (listed as `*` under `authorization.verifiers` (unset, so `environments[staging].requesters`))", answer, StringComparison.Ordinal);
            Assert.Contains("production write windows: yes (listed as `test:dana` under `authorization.write_window_approvers` (unset, so `environments[production].requesters`))", answer, StringComparison.Ordinal);
            Assert.Contains("cancel others' production promotions: no: `authorization.cancelers` names nobody", answer, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Someone_not_listed_is_told_they_may_not_promote_there()
        {
            var answer = await Chat.SayAsync("erin", "whoami");

            Assert.Contains("You are **Erin** on test.", answer, StringComparison.Ordinal);
            Assert.Contains("promote staging: yes (listed as `*`)", answer, StringComparison.Ordinal);
            Assert.Contains("promote production: no: not listed under `environments[production].requesters` (ACCESS)", answer, StringComparison.Ordinal);
            Assert.Contains("production posture checklist: no: not listed under `authorization.posture_checklist` (unset, so `environments[production].requesters`)", answer, StringComparison.Ordinal);
            Assert.Contains("you would be listed as `test:erin`", answer, StringComparison.Ordinal);
        }
    }
}
