using Hangfire;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;

namespace JobSheetQA.Bot.Tests.Jobs;

public sealed class AcknowledgementExpiryJobTests : IAsyncLifetime
{
    private ChatTestHost chat = null!;

    public Task InitializeAsync()
    {
        chat = ChatTestHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await chat.DisposeAsync();

    [Fact]
    public async Task An_expired_acknowledgement_expires_its_promotion_frees_the_environment_and_tells_the_requester_once()
    {
        var promotion = await AwaitingAcknowledgementAsync("p-ack-1");
        var acknowledgement = await chat.Get<AcknowledgementStore>().RequestAsync(
            promotion.Id, TestChannel.Name, "dana", "staging", promotion.CommitSha, "REQ-SKIP-ACK", "I_ACCEPT_PARITY_SKIP",
            DateTimeOffset.UtcNow - TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(10));

        chat.Get<IRecurringJobManager>().Trigger(AcknowledgementExpiryJob.RecurringJobId);

        var message = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("expired", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains("Dana, your acknowledgement for **promote staging --skip-parity** (p-ack-1) expired", message.Text, StringComparison.Ordinal);
        Assert.Contains("nothing was dispatched", message.Text, StringComparison.Ordinal);
        Assert.Equal(PromotionState.Expired, (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!.State);
        Assert.Null(await chat.Get<PromotionLocks>().GetAsync("staging"));
        Assert.Equal(AcknowledgementState.Expired, (await chat.Get<AcknowledgementStore>().FindAsync(acknowledgement.Id))!.State);

        await chat.Get<AcknowledgementExpiryJob>().RunAsync(default);
        await chat.Get<AcknowledgementExpiryJob>().RunAsync(default);
        Assert.Single(chat.Channel.Messages("general"));
    }

    [Fact]
    public async Task An_acknowledgement_still_within_its_time_is_left_alone()
    {
        var promotion = await AwaitingAcknowledgementAsync("p-ack-2");
        await chat.Get<AcknowledgementStore>().RequestAsync(
            promotion.Id, TestChannel.Name, "dana", "staging", promotion.CommitSha, "REQ-SKIP-ACK", "I_ACCEPT_PARITY_SKIP",
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));

        await chat.Get<AcknowledgementExpiryJob>().RunAsync(default);

        Assert.Equal(PromotionState.AwaitingAcknowledgement, (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!.State);
        Assert.NotNull(await chat.Get<PromotionLocks>().GetAsync("staging"));
        Assert.Empty(chat.Channel.Posts);
    }

    private async Task<PromotionEntity> AwaitingAcknowledgementAsync(string id)
    {
        var now = DateTimeOffset.UtcNow;
        var conversation = await TrackingBed.ConversationAsync(chat, "general");
        await chat.Get<PromotionLocks>().TryAcquireAsync("staging", id, "Dana", now);
        var promotion = new PromotionEntity
        {
            Id = id,
            Environment = "staging",
            Ref = "main",
            CommitSha = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
            SkipParity = true,
            RequesterChannel = TestChannel.Name,
            RequesterUserId = "dana",
            RequesterDisplayName = "Dana",
            State = PromotionState.AwaitingAcknowledgement,
            CorrelationId = id,
            CreatedAt = now,
            UpdatedAt = now,
            ConversationReferenceId = conversation,
        };
        await chat.Get<PromotionStore>().AddAsync(promotion);
        return promotion;
    }
}
