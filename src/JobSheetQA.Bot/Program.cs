var builder = WebApplication.CreateBuilder(args);
JobSheetQA.Bot.GitHub.GitHubServiceCollectionExtensions.AddGitHubGateway(builder.Services, builder.Configuration);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.Run();

public partial class Program;
