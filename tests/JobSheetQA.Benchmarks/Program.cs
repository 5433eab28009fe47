using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/JobSheetQA.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
