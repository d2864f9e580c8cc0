using Layers.Core;

namespace Layers.Web;

public sealed class GalleryController(IMediaService media)
{
    public async Task<List<string>> TitlesAsync(IReadOnlyList<int> ids)
    {
        var titles = new List<string>();
        foreach (var id in ids)
        {
            // One query per id, two projects away: only a whole-solution view sees it.
            titles.Add(await media.TitleAsync(id));
        }

        return titles;
    }

    // Within one project: the build reports this one, which shows the analyzers ran there.
    public static string Caption(IReadOnlyList<string> titles)
    {
        var caption = "";
        foreach (var title in titles)
        {
            caption += title + ", ";
        }

        return caption;
    }
}
