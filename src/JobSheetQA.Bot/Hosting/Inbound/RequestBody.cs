using System.Buffers;

namespace JobSheetQA.Bot.Hosting.Inbound;

/// <summary>Reads an inbound request's body exactly as sent, up to a limit (a chunked body has no Content-Length to check first).</summary>
public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;
    private const int InitialCapacityLimit = 64 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;

        // Sized by Content-Length when there is one, so a body that matches it is returned without a copy; capped, so a
        // request that only declares a large body (before anything authenticates it) reserves no more than that up front.
        // The read chunk is pooled (it was a fresh 16 KB array per request, the largest allocation of a turn after storage).
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, InitialCapacityLimit));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
