using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Chat;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Hosting;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSharedSettingsFile();
builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddPolicy(builder.Configuration);
builder.Services.AddGitHubGateway(builder.Configuration);
builder.Services.AddChat();
builder.Services.AddSlackChannel(builder.Configuration);
builder.Services.AddPromotions();
builder.Services.AddJobs(builder.Configuration, builder.Environment);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapJobsEndpoints();
app.MapSlackEndpoints();
app.Run();

public partial class Program;
