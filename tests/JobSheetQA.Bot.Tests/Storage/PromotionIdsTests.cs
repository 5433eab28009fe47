using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Tests.Storage;

public sealed class PromotionIdsTests
{
    [Fact]
    public void Ids_are_eight_typeable_characters_without_look_alikes_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => PromotionIds.New()).ToList();

        Assert.All(ids, id =>
        {
            Assert.Equal(8, id.Length);
            Assert.All(id, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c), id));
            Assert.DoesNotContain(id, c => "0o1li".Contains(c));
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_request_keys_id_is_always_the_same_typeable_and_differs_between_keys()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => PromotionIds.For($"teams:activity-{i}")).ToList();

        Assert.Equal(PromotionIds.For("teams:activity-7"), PromotionIds.For("teams:activity-7"));
        Assert.All(ids, id =>
        {
            Assert.Equal(8, id.Length);
            Assert.DoesNotContain(id, c => "0o1li".Contains(c) || !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
