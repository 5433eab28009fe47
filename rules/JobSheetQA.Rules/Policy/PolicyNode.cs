using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Policy;

/// <summary>A YAML value with the place errors about it are reported: its key (or, for a list item, the item itself) and its key path.</summary>
internal readonly record struct PolicyNode(YamlNode Value, Mark At, string Path)
{
    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public string Item(int index) => $"{Path}[{index}]";
}
