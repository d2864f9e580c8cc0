using Layers.Data;

namespace Layers.Core;

public interface IMediaService
{
    Task<string> TitleAsync(int id);
}

public sealed class MediaService(IMediaRepository repository) : IMediaService
{
    public async Task<string> TitleAsync(int id)
    {
        var item = await repository.FindAsync(id);
        return item?.Title ?? "";
    }
}
