using JobSheetQA.Bot.Chat;
using JobSheetQA.Bot.Chat.Handlers;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Webhooks;
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
builder.Services.AddGitHubWebhooks(builder.Configuration);
builder.Services.AddChat();
builder.Services.AddChatCommands();
builder.Services.AddPromotions();
builder.Services.AddJobs(builder.Configuration, builder.Environment);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapJobsEndpoints();
app.MapGitHubWebhookEndpoints();
app.Run();

public partial class Program;
