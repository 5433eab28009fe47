using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JobSheetQA.Rules.Engine;

namespace JobSheetQA.Benchmarks;

/// <summary>
/// Compiling every rule set, as the host does once per process. Target: under 500 ms.
/// Cold start: each launch is a fresh process timing its first compilation, JIT and all, as a starting host would.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class CompilationBenchmarks
{
    [Benchmark]
    public PolicyEngine Compile_all_rule_sets() => new();
}
