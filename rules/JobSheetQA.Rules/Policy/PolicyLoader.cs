using System.Text.RegularExpressions;
using JobSheetQA.Rules.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Policy;

/// <summary>
/// Loads <c>policy.yaml</c> strictly: every key is required unless listed under defaults below, unknown keys are errors,
/// and the runbook's invariants are checked. Every error is collected and reported with file, line, column and key path.
/// </summary>
/// <remarks>
/// Defaults (the only keys that may be left out):
/// <c>environments[].requesters</c> → empty (nobody outside Development: secure by default);
/// <c>acknowledgement.expires_after</c> → 10m;
/// <c>authorization</c> and each of its keys → <see cref="AuthorizationPolicy.Defaults"/> (the environment's requesters);
/// <c>parity</c> → no mapping (the default pairing of parity/README.md).
/// </remarks>
public static partial class PolicyLoader
{
    public const int SupportedVersion = 1;

    /// <summary>How long a pending acknowledgement stays valid when the policy does not say (runbook §2.4).</summary>
    public static readonly TimeSpan DefaultAcknowledgementExpiry = TimeSpan.FromMinutes(10);

    /// <summary>Runbook §4.1: the flags that make up the read-only posture. A policy may add flags, never drop these.</summary>
    public static readonly IReadOnlyList<string> RequiredPostureFlags = ["ENABLE_PURGE_EXECUTION", "ENABLE_SCHEDULER"];

    private static readonly IReadOnlyList<(string Key, PromotionStep Step)> GateKeys = GateMap.Keys;

    private const string StagingFirst = "runbook §3: \"Always deploy to staging before production\"";

    /// <summary>Reads and validates a policy file; errors name <paramref name="path"/> as given.</summary>
    /// <exception cref="PolicyValidationException">The file is missing, unreadable or invalid.</exception>
    /// <param name="people">Which <c>channel:id</c> entries name a person (default: <see cref="PersonNaming.Shipped"/>).</param>
    public static PromotionPolicy LoadFile(string path, PersonNaming? people = null)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException
                ? "policy file not found"
                : $"cannot read the policy file: {e.Message}";
            throw new PolicyValidationException(path, [new PolicyError(path, 0, 0, "", reason)]);
        }

        return Parse(yaml, path, people);
    }

    /// <summary>Parses and validates policy text; <paramref name="sourceName"/> is the file name errors report.</summary>
    /// <exception cref="PolicyValidationException">The policy is invalid; <see cref="PolicyValidationException.Errors"/> lists every problem.</exception>
    /// <param name="people">Which <c>channel:id</c> entries name a person (default: <see cref="PersonNaming.Shipped"/>).</param>
    public static PromotionPolicy Parse(string yaml, string sourceName, PersonNaming? people = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);

        var reader = new PolicyYamlReader(sourceName, people ?? PersonNaming.Shipped);
        var policy = ReadDocument(reader, yaml) is { } root ? ReadPolicy(reader, root) : null;
        if (policy is null || reader.HasErrors)
            throw new PolicyValidationException(sourceName, reader.Errors);
        return policy;
    }

    private static PolicyMapping? ReadDocument(PolicyYamlReader reader, string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            // The parser stops at the first syntax error; nothing after it can be checked.
            reader.Error(e.Start, "", $"not valid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some malformed input (an unclosed '[' followed by more keys) trips YamlDotNet without a YamlException.
            reader.Error(scanner.CurrentPosition, "", "not valid YAML: the parser stopped here (check brackets, quotes and indentation above)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            reader.Error(new Mark(0, 1, 1), "", "the policy file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
            reader.Error(stream.Documents[1].RootNode.Start, "", "expected one YAML document, found more (remove the extra '---')");

        var root = stream.Documents[0].RootNode;
        return reader.Mapping(new PolicyNode(root, root.Start, ""),
            "version", "branch", "workflow", "environments", "acknowledgement", "secrets", "posture", "write_windows", "nightly_parity", "gates",
            "authorization", "parity");
    }

    private static PromotionPolicy? ReadPolicy(PolicyYamlReader reader, PolicyMapping root)
    {
        ReadVersion(reader, root.Required("version"));
        var branch = reader.Name(root.Required("branch"));
        var workflow = reader.Text(root.Required("workflow"));
        var environments = ReadEnvironments(reader, root.Required("environments"));
        var acknowledgement = ReadAcknowledgement(reader, root.Required("acknowledgement"));
        var secrets = ReadSecrets(reader, root.Required("secrets"));
        var posture = ReadPosture(reader, root.Required("posture"));
        var writeWindows = ReadWriteWindows(reader, root.Required("write_windows"));
        var nightlyParity = ReadNightlyParity(reader, root.Required("nightly_parity"));
        var gates = ReadGates(reader, root.Required("gates"));
        var authorization = root.Optional("authorization") is { } authorizationNode ? ReadAuthorization(reader, authorizationNode) : AuthorizationPolicy.Defaults;
        var parityNode = root.Optional("parity");
        var parity = parityNode is { } mapping ? ParityMappingReader.Read(reader, mapping) : null;

        if (branch is null || workflow is null || environments is null || acknowledgement is null || secrets is null
            || posture is null || writeWindows is null || nightlyParity is null || gates is null || authorization is null
            || (parityNode is not null && parity is null))
            return null;

        return new PromotionPolicy(branch, workflow, environments, acknowledgement, secrets, posture, writeWindows, nightlyParity, gates, authorization, parity);
    }

    private static void ReadVersion(PolicyYamlReader reader, PolicyNode? node)
    {
        if (node is { } n && reader.Integer(n) is { } version && version != SupportedVersion)
            reader.Error(n, $"unsupported version {version}: this build reads version {SupportedVersion}");
    }

    // ---- environments (runbook §2.1, §2.4, §3, §4) ----

    private static IReadOnlyList<EnvironmentPolicy>? ReadEnvironments(PolicyYamlReader reader, PolicyNode? node)
    {
        if (node is not { } n || reader.Sequence(n) is not { } items)
            return null;
        if (items.Count == 0)
        {
            reader.Error(n, $"the list is empty: {EnvironmentNames.Staging} and {EnvironmentNames.Production} are required");
            return null;
        }

        var read = items.Select(item => ReadEnvironment(reader, item)).ToList();
        var names = read.Select(r => (r.Name, r.At)).ToList();
        ReportDuplicates(reader, names, "environment");
        if (names.All(x => x.Name is not null))
            CheckStagingBeforeProduction(reader, n, names!);

        return read.All(r => r.Policy is not null) ? read.Select(r => r.Policy!).ToList() : null;
    }

    private static (EnvironmentPolicy? Policy, string? Name, PolicyNode At) ReadEnvironment(PolicyYamlReader reader, PolicyNode item)
    {
        if (reader.Mapping(item, "name", "allow_parity_skip", "read_only_posture", "requesters") is not { } map)
            return (null, null, item);

        var nameNode = map.Required("name");
        var name = reader.Name(nameNode);
        var skipNode = map.Required("allow_parity_skip");
        var allowParitySkip = reader.Boolean(skipNode);
        var postureNode = map.Required("read_only_posture");
        var readOnlyPosture = reader.Boolean(postureNode);
        var requesters = map.Optional("requesters") is { } requestersNode ? ReadPeople(reader, requestersNode) : [];

        if (name == EnvironmentNames.Production)
        {
            // Production's protections are fixed by the runbook; the policy may only restate them.
            if (allowParitySkip == true)
                reader.Error(skipNode!.Value, "production parity skip is impossible (runbook §2.4, §5.5)");
            if (readOnlyPosture == false)
                reader.Error(postureNode!.Value, "production must keep the read-only posture: read_only_posture must be true (runbook §4)");
        }

        var policy = name is not null && allowParitySkip is { } skip && readOnlyPosture is { } readOnly && requesters is not null
            ? new EnvironmentPolicy(name, skip, readOnly, requesters)
            : null;
        return (policy, name, nameNode ?? item);
    }

    /// <summary>A list of people: <c>*</c> or an id on a channel <see cref="PersonNaming"/> knows (teams, slack, github).</summary>
    private static IReadOnlyList<string>? ReadPeople(PolicyYamlReader reader, PolicyNode node)
    {
        if (reader.Sequence(node) is not { } items)
            return null;

        var people = new List<string>();
        foreach (var item in items)
        {
            if (reader.Name(item) is not { } person)
                continue;
            if (reader.People.Names(person))
                people.Add(person);
            else if (person.Contains('@'))
                reader.Error(item, $"'{person}' is an e-mail address, which names nobody: Teams and Slack do not vouch for a sender's e-mail, "
                    + $"so anyone could claim it. Name the person as {reader.People.PersonForms()} (they see theirs with `whoami`)");
            else
                reader.Error(item, $"'{person}' does not name a person: use {reader.People.Forms()}");
        }

        return people.Count == items.Count ? people : null;
    }

    private static void CheckStagingBeforeProduction(PolicyYamlReader reader, PolicyNode environments, IReadOnlyList<(string Name, PolicyNode At)> names)
    {
        var staging = IndexOf(names, EnvironmentNames.Staging);
        var production = IndexOf(names, EnvironmentNames.Production);
        if (staging < 0)
            reader.Error(environments, $"'{EnvironmentNames.Staging}' is missing: every promotion reaches production through it ({StagingFirst})");
        if (production < 0)
            reader.Error(environments, $"'{EnvironmentNames.Production}' is missing: the runbook's environments are staging and production (runbook §2.1)");
        if (staging >= 0 && production >= 0 && production < staging)
            reader.Error(names[production].At, $"'{EnvironmentNames.Production}' is listed before '{EnvironmentNames.Staging}': list staging first ({StagingFirst})");
    }

    private static int IndexOf(IReadOnlyList<(string Name, PolicyNode At)> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Name == name)
                return i;
        }

        return -1;
    }

    // ---- authorization: who may do what besides promoting ----

    private static AuthorizationPolicy? ReadAuthorization(PolicyYamlReader reader, PolicyNode node)
    {
        if (reader.Mapping(node, "cancelers", "verifiers", "separation_of_duties", "posture_checklist", "write_window_approvers") is not { } map)
            return null;

        var valid = true;
        IReadOnlyList<string>? People(string key)
        {
            if (map.Optional(key) is not { } list)
                return null;
            var people = ReadPeople(reader, list);
            valid &= people is not null;
            return people;
        }

        var cancelers = People("cancelers") ?? [];
        var verifiers = People("verifiers");
        var postureChecklist = People("posture_checklist");
        var approvers = People("write_window_approvers");
        bool? separation = null;
        if (map.Optional("separation_of_duties") is { } separationNode)
        {
            separation = reader.Boolean(separationNode);
            valid &= separation is not null;
        }

        return valid ? new AuthorizationPolicy(cancelers, verifiers, separation, postureChecklist, approvers) : null;
    }

    // ---- acknowledgement (runbook §2.4, §5.4) ----

    private static AcknowledgementPolicy? ReadAcknowledgement(PolicyYamlReader reader, PolicyNode? node)
    {
        if (reader.Mapping(node, "phrase", "expires_after") is not { } map)
            return null;

        var phraseNode = map.Required("phrase");
        var phrase = reader.Text(phraseNode);
        if (phrase is not null && phrase != phrase.Trim())
        {
            // The phrase is compared exactly (§5.4 "No extra spaces"); a padded phrase could never be typed back reliably.
            reader.Error(phraseNode!.Value, $"the phrase \"{phrase}\" starts or ends with whitespace: it is compared exactly (runbook §5.4)");
            phrase = null;
        }

        var expiresAfter = map.Optional("expires_after") is { } expiresNode ? reader.Duration(expiresNode) : DefaultAcknowledgementExpiry;
        return phrase is not null && expiresAfter is { } expiry ? new AcknowledgementPolicy(phrase, expiry) : null;
    }

    // ---- secrets (runbook §5.3) ----

    private static IReadOnlyList<string>? ReadSecrets(PolicyYamlReader reader, PolicyNode? node)
    {
        if (reader.Mapping(node, "required") is not { } map || map.Required("required") is not { } list || reader.Sequence(list) is not { } items)
            return null;
        if (items.Count == 0)
        {
            reader.Error(list, "the list is empty: name at least one secret (runbook §5.3)");
            return null;
        }

        var entries = items.Select(item => (Name: reader.Name(item), At: item)).ToList();
        var valid = CheckVariableNames(reader, entries, "secret");
        ReportDuplicates(reader, entries, "secret");
        return valid && entries.All(e => e.Name is not null) ? entries.Select(e => e.Name!).ToList() : null;
    }

    // ---- posture (runbook §4.1) ----

    private static PosturePolicy? ReadPosture(PolicyYamlReader reader, PolicyNode? node)
    {
        if (reader.Mapping(node, "flags") is not { } map || map.Required("flags") is not { } list || reader.Sequence(list) is not { } items)
            return null;

        var flags = items.Select(item => ReadPostureFlag(reader, item)).ToList();
        var names = flags.Select(f => (f.Flag?.Name, f.At)).ToList();
        var valid = CheckVariableNames(reader, names, "flag");
        ReportDuplicates(reader, names, "flag");
        if (flags.All(f => f.Flag is not null))
        {
            foreach (var required in RequiredPostureFlags.Where(r => names.All(n => n.Name != r)))
                reader.Error(list, $"must include {required}: it is part of the read-only posture (runbook §4.1)");
        }

        return valid && flags.All(f => f.Flag is not null) ? new PosturePolicy(flags.Select(f => f.Flag!).ToList()) : null;
    }

    private static (PostureFlagPolicy? Flag, PolicyNode At) ReadPostureFlag(PolicyYamlReader reader, PolicyNode item)
    {
        if (reader.Mapping(item, "name", "purpose") is not { } map)
            return (null, item);

        var nameNode = map.Required("name");
        var name = reader.Name(nameNode);
        var purpose = reader.Text(map.Required("purpose"));
        return (name is not null && purpose is not null ? new PostureFlagPolicy(name, purpose) : null, nameNode ?? item);
    }

    // ---- write windows (runbook §4.3) ----

    private static WriteWindowPolicy? ReadWriteWindows(PolicyYamlReader reader, PolicyNode? node)
    {
        if (reader.Mapping(node, "min_duration", "max_duration", "reminder_before_end", "change_request_pattern") is not { } map)
            return null;

        var minNode = map.Required("min_duration");
        var min = reader.Duration(minNode);
        var max = reader.Duration(map.Required("max_duration"));
        var reminderNode = map.Required("reminder_before_end");
        var reminder = reader.Duration(reminderNode);
        var pattern = ReadPattern(reader, map.Required("change_request_pattern"));

        if (min > max)
            reader.Error(minNode!.Value, $"min_duration ({PolicyDuration.Format(min.Value)}) is longer than max_duration ({PolicyDuration.Format(max.Value)})");
        if (reminder >= max)
            reader.Error(reminderNode!.Value, $"reminder_before_end ({PolicyDuration.Format(reminder.Value)}) must be shorter than max_duration ({PolicyDuration.Format(max.Value)})");

        return min is { } minimum && max is { } maximum && reminder is { } before && pattern is not null
            ? new WriteWindowPolicy(minimum, maximum, before, pattern)
            : null;
    }

    private static string? ReadPattern(PolicyYamlReader reader, PolicyNode? node)
    {
        if (node is not { } n || reader.Text(n) is not { } pattern)
            return null;
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException e)
        {
            reader.Error(n, $"not a valid regular expression: {e.Message}");
            return null;
        }
    }

    // ---- nightly parity (runbook §2.1) ----

    private static NightlyParityPolicy? ReadNightlyParity(PolicyYamlReader reader, PolicyNode? node)
    {
        if (reader.Mapping(node, "workflow", "artifact", "max_age") is not { } map)
            return null;

        var workflow = reader.Text(map.Required("workflow"));
        var artifact = reader.Text(map.Required("artifact"));
        var maxAge = reader.Duration(map.Required("max_age"));
        return workflow is not null && artifact is not null && maxAge is { } age ? new NightlyParityPolicy(workflow, artifact, age) : null;
    }

    // ---- gates (runbook §2.3) ----

    private static GateMap? ReadGates(PolicyYamlReader reader, PolicyNode? node)
    {
        if (reader.Mapping(node, GateKeys.Select(g => g.Key).ToArray()) is not { } map)
            return null;

        var jobNames = new Dictionary<PromotionStep, string>();
        var usedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, step) in GateKeys)
        {
            var jobNode = map.Required(key, "not mapped to a workflow job: the five gates and the deploy step each need a job name (runbook §2.3)");
            if (reader.Text(jobNode) is not { } job)
                continue;
            if (usedBy.TryGetValue(job, out var other))
            {
                // Tracking maps jobs back to gates; two gates on one job would make that ambiguous.
                reader.Error(jobNode!.Value, $"job '{job}' is already mapped to {other}: each gate needs its own job");
                continue;
            }

            usedBy[job] = jobNode!.Value.Path;
            jobNames[step] = job;
        }

        return jobNames.Count == GateKeys.Count ? new GateMap(jobNames) : null;
    }

    // ---- shared checks ----

    private static bool CheckVariableNames(PolicyYamlReader reader, IEnumerable<(string? Name, PolicyNode At)> names, string what)
    {
        var valid = true;
        foreach (var (name, at) in names)
        {
            if (name is null || VariableName().IsMatch(name))
                continue;
            reader.Error(at, $"'{name}' is not a valid {what} name: letters, digits and underscores, not starting with a digit");
            valid = false;
        }

        return valid;
    }

    private static void ReportDuplicates(PolicyYamlReader reader, IEnumerable<(string? Name, PolicyNode At)> names, string what)
    {
        var first = new Dictionary<string, PolicyNode>(StringComparer.Ordinal);
        foreach (var (name, at) in names)
        {
            if (name is null)
                continue;
            if (first.TryGetValue(name, out var earlier))
                reader.Error(at, $"duplicate {what} '{name}' (first listed at line {earlier.At.Line} as {earlier.Path})");
            else
                first[name] = at;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
