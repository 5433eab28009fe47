using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddPolicy(builder.Configuration);
builder.Services.AddGitHubGateway(builder.Configuration);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.Run();

public partial class Program;
