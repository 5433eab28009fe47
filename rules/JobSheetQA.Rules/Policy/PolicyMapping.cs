using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Policy;

/// <summary>A YAML mapping whose keys are a closed set: unknown keys are reported as soon as it is opened, missing ones when asked for.</summary>
internal sealed class PolicyMapping
{
    private readonly PolicyYamlReader reader;
    private readonly Dictionary<string, PolicyNode> entries = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> keys;

    public PolicyMapping(PolicyYamlReader reader, YamlMappingNode mapping, PolicyNode self, IReadOnlyList<string> keys)
    {
        this.reader = reader;
        this.keys = keys;
        Self = self;
        foreach (var (key, value) in mapping.Children)
            Add(key, value);
    }

    public PolicyNode Self { get; }

    /// <summary>The value of a key the policy must give; reports it missing (at this mapping's own key) otherwise.</summary>
    public PolicyNode? Required(string key, string? whenMissing = null)
    {
        var node = Optional(key);
        if (node is null)
            this.reader.Error(Self.At, Self.Child(key), whenMissing ?? "required key is missing");
        return node;
    }

    /// <summary>The value of a key the policy may leave out; the caller supplies the default.</summary>
    public PolicyNode? Optional(string key)
    {
        if (!this.keys.Contains(key, StringComparer.Ordinal))
            throw new ArgumentException($"'{key}' is not one of this mapping's declared keys.", nameof(key));
        return entries.TryGetValue(key, out var node) ? node : null;
    }

    private void Add(YamlNode key, YamlNode value)
    {
        if (key is not YamlScalarNode { Value: { Length: > 0 } name })
        {
            this.reader.Error(key.Start, Self.Path, "keys must be plain names");
            return;
        }

        var node = new PolicyNode(value, key.Start, Self.Child(name));
        if (this.keys.Contains(name, StringComparer.Ordinal))
            entries[name] = node;
        else
            this.reader.Error(node.At, node.Path, $"unknown key '{name}' (expected one of: {string.Join(", ", this.keys)})");
    }
}
