var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/healthz", () => Results.Text("ok"));

app.Run();

/// <summary>Entry point marker for tests that host the sandbox.</summary>
public partial class Program;
