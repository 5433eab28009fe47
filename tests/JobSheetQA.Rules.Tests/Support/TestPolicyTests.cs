using System.Text.Json;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Tests.Support;

public sealed class TestPolicyTests
{
    [Fact]
    public void Test_policy_is_the_shipped_policy_yaml_value_for_value()
    {
        // Rule tests build the policy in code; this keeps that copy honest.
        var shipped = PolicyLoader.LoadFile(RepositoryFiles.PathOf("rules/policy.yaml"));

        Assert.Equal(JsonSerializer.Serialize(shipped), JsonSerializer.Serialize(TestPolicy.Default));
    }
}
