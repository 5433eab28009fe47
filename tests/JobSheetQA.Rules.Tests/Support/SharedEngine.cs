using JobSheetQA.Rules.Engine;

namespace JobSheetQA.Rules.Tests.Support;

/// <summary>One compiled <see cref="PolicyEngine"/> for the whole test run: compiling the rule sets is the slow part.</summary>
public static class SharedEngine
{
    private static readonly Lazy<PolicyEngine> Engine = new(() => new PolicyEngine(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static PolicyEngine Instance => Engine.Value;
}
