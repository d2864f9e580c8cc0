using Microsoft.EntityFrameworkCore;

namespace Layers.Data;

public sealed class MediaItem
{
    public int Id { get; set; }

    public string Title { get; set; } = "";
}

public sealed class MediaContext(DbContextOptions<MediaContext> options) : DbContext(options)
{
    public DbSet<MediaItem> Media => Set<MediaItem>();
}

public interface IMediaRepository
{
    Task<MediaItem?> FindAsync(int id);
}

public sealed class MediaRepository(MediaContext db) : IMediaRepository
{
    public Task<MediaItem?> FindAsync(int id) => db.Media.FirstOrDefaultAsync(m => m.Id == id);
}
