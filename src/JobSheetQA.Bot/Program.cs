using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPolicy(builder.Configuration);
builder.Services.AddGitHubGateway(builder.Configuration);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.Run();

public partial class Program;
