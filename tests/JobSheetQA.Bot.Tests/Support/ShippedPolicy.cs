using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Tests.Support;

/// <summary>The shipped <c>rules/policy.yaml</c> as the host loads it from beside its binaries.</summary>
public static class ShippedPolicy
{
    public static PromotionPolicy Value { get; } = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
}
