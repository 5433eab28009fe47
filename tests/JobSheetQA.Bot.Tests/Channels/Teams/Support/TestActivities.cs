using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>Activities shaped as Teams sends them (ids, channelData, mentions), for a given serviceUrl.</summary>
public static class TestActivities
{
    public const string BotId = "28:" + TestTokens.AppId;
    public const string UserId = "29:1dana-okafor";
    public const string UserAadObjectId = "a1b2c3d4-0000-4000-8000-00000000da4a";
    public const string PersonalConversation = "a:1personal-dana";
    public const string GroupConversation = "19:group-chat-7@thread.v2";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string ChannelThread = "19:releases@thread.tacv2;messageid=1732600000000";

    public static JsonObject Message(string serviceUrl, string text, string conversationId = PersonalConversation, string channelId = "msteams")
    {
        var activity = Base("message", serviceUrl, conversationId, channelId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    public static JsonObject Base(string type, string serviceUrl, string conversationId = PersonalConversation, string channelId = "msteams")
    {
        var conversationType = conversationId.StartsWith("a:", StringComparison.Ordinal) ? "personal"
            : conversationId.Contains("thread.tacv2", StringComparison.Ordinal) ? "channel" : "groupChat";
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TestTokens.TenantId } };
        if (conversationType == "channel")
        {
            channelData["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Job Sheet QA" };
            channelData["channel"] = new JsonObject { ["id"] = conversationId.Split(';')[0], ["name"] = "releases" };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = $"1732{Random.Shared.NextInt64(100000000, 999999999)}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Dana Okafor", ["aadObjectId"] = UserAadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "JobSheetQA" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = conversationType,
                ["tenantId"] = TestTokens.TenantId,
                ["isGroup"] = conversationType != "personal",
            },
            ["channelData"] = channelData,
            ["locale"] = "en-GB",
        };
    }

    /// <summary>A message that @mentions <paramref name="mentionedId"/> as <c>&lt;at&gt;name&lt;/at&gt;</c> (add several with <see cref="AddMention"/>).</summary>
    public static JsonObject AddMention(JsonObject activity, string mentionedId, string name)
    {
        var entities = activity["entities"] as JsonArray ?? new JsonArray();
        entities.Add(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = mentionedId, ["name"] = name },
            ["text"] = $"<at>{name}</at>",
        });
        activity["entities"] = entities;
        return activity;
    }

    public static JsonObject Submit(string serviceUrl, JsonObject value, string conversationId = PersonalConversation)
    {
        var activity = Base("message", serviceUrl, conversationId);
        activity["value"] = value;
        activity["replyToId"] = "card-activity-1";
        return activity;
    }

    public static JsonObject Invoke(string serviceUrl, string name, JsonObject? value, string conversationId = PersonalConversation)
    {
        var activity = Base("invoke", serviceUrl, conversationId);
        activity["name"] = name;
        if (value is not null)
            activity["value"] = value;
        activity["replyToId"] = "card-activity-1";
        return activity;
    }

    public static JsonObject Execute(string serviceUrl, JsonObject data, string trigger = "manual", string actionType = "Action.Execute") =>
        Invoke(serviceUrl, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = actionType, ["id"] = "submit", ["verb"] = "submitForm", ["data"] = data },
            ["trigger"] = trigger,
        });

    public static JsonObject BotAdded(string serviceUrl, string conversationId = PersonalConversation)
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId }, new JsonObject { ["id"] = BotId });
        return activity;
    }

    public static JsonObject Installation(string serviceUrl, string action, string conversationId = PersonalConversation)
    {
        var activity = Base("installationUpdate", serviceUrl, conversationId);
        activity["action"] = action;
        return activity;
    }
}
