using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JobSheetQA.Rules.Engine;

namespace JobSheetQA.Benchmarks;

/// <summary>Compiling every rule set, as the host does once per process. Target: under 500 ms.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
[MemoryDiagnoser]
public class CompilationBenchmarks
{
    [Benchmark]
    public PolicyEngine Compile_all_rule_sets() => new();
}
