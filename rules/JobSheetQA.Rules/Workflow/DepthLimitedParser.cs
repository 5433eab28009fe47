using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace JobSheetQA.Rules.Workflow;

/// <summary>
/// Stops a document that nests collections deeper than a workflow ever does. YamlDotNet's representation model loads
/// nodes recursively, so a file of 100,000 <c>[</c> would overflow the stack and end the process; the file is
/// untrusted input read from a repository, so it must become a syntax problem instead.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++depth > maxDepth)
                {
                    throw new YamlException(inner.Current.Start, inner.Current.End, $"collections nest more than {maxDepth} levels deep");
                }

                break;
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        return true;
    }
}
