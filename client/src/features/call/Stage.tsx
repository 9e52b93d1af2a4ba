import { useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { RemotePeer, MediaClient, MediaState } from '../../session/MediaClient';
import type { LinkQuality } from '@hearth/shared';
import type { LayoutMode, SelfView } from './callPreferences';
import { chooseMain, galleryLayout, speakerLayout, type GridFit } from './stageLayout';
import { useElementSize } from './useElementSize';
import { useHiddenVideo } from './useHiddenVideo';
import { AbsentTile, RemoteTile, SelfTile, type TileBadge } from './VideoTile';

export type StageTile =
  | { kind: 'remote'; id: string; peer: RemotePeer; badges: TileBadge[]; link?: LinkQuality | null }
  | { kind: 'absent'; id: string; name: string; note: string }
  | { kind: 'self'; id: string; badges: TileBadge[] };

type Props = {
  client: MediaClient;
  media: MediaState;
  /** Everyone else on the stage, in the order they are laid out (the spotlight first). */
  tiles: StageTile[];
  selfBadges: TileBadge[];
  selfView: SelfView;
  layout: LayoutMode;
  /** The emphasised member (outline and "Speaking"): the round's speaker, else the active speaker. */
  emphasisId: string | null;
  /** Who the speaker view shows large, in order of preference. */
  mainPreferred: (string | null | undefined)[];
  /** The compact strip of notices at the top of the stage. */
  banners?: ReactNode;
};

/**
 * The call's stage: the notices strip, then the tiles laid out in the space that is left
 * (measured, so tiles are as large as fit), in pages on a phone. Cameras not on screen are
 * not received (useHiddenVideo); every voice is, through the audio elements elsewhere.
 */
export function Stage({ client, media, tiles, selfBadges, selfView, layout, emphasisId, mainPreferred, banners }: Props) {
  const area = useRef<HTMLDivElement>(null);
  const box = useElementSize(area);
  const [page, setPage] = useState(0);
  const previousMain = useRef<string>(undefined);

  const selfId = media.selfId ?? 'self';
  const self: StageTile = { kind: 'self', id: selfId, badges: selfBadges };
  const all = selfView === 'shown' ? [self, ...tiles] : tiles;

  let shown: StageTile[];
  let content: ReactNode;
  let paging: { page: number; pageCount: number };
  if (layout === 'speaker') {
    // Oneself is never the large tile: the strip keeps the self view when it is shown.
    const main = chooseMain(tiles, mainPreferred, previousMain.current) ?? (selfView === 'shown' ? self : undefined);
    previousMain.current = main?.id;
    const result = speakerLayout(main, all.filter((t) => t !== main), box, page);
    shown = [...(result.main ? [result.main] : []), ...result.strip];
    paging = result;
    content = (
      <div className="speaker-view">
        <div className="speaker-main">{result.main && renderTile(result.main, result.mainFit)}</div>
        {result.strip.length > 0 && (
          <div className="tile-grid speaker-strip" style={gridStyle(result.stripFit)}>
            {result.strip.map((t) => renderTile(t, result.stripFit))}
          </div>
        )}
      </div>
    );
  } else {
    const result = galleryLayout(all, box, page);
    shown = result.shown;
    paging = result;
    content = (
      <div className="tile-grid" style={gridStyle(result.fit)}>
        {result.shown.map((t) => renderTile(t, result.fit))}
      </div>
    );
  }

  useHiddenVideo(
    client,
    media.peers.map((p) => p.id),
    new Set(shown.filter((t) => t.kind === 'remote').map((t) => t.id)),
    box.width > 0 && box.height > 0,
  );

  function renderTile(t: StageTile, fit: GridFit) {
    const style = { width: fit.tileWidth, height: fit.tileHeight };
    switch (t.kind) {
      case 'remote':
        return <RemoteTile key={t.id} client={client} peer={t.peer} speaking={t.id === emphasisId} badges={t.badges} link={t.link} audioOnly={media.audioOnly} style={style} />;
      case 'absent':
        return <AbsentTile key={t.id} id={t.id} name={t.name} note={t.note} style={style} />;
      case 'self':
        return <SelfView key="self" media={media} badges={t.badges} speaking={emphasisId !== null && emphasisId === media.selfId} style={style} />;
    }
  }

  return (
    <div className="stage" data-layout={layout} data-self-view={selfView}>
      {banners && <div className="stage-banners">{banners}</div>}
      <div className="stage-tiles" ref={area} aria-label="Participants" role="region">
        {box.width > 0 && content}
        {selfView === 'small' && (
          <SelfView media={media} badges={selfBadges} speaking={emphasisId !== null && emphasisId === media.selfId} className="corner" />
        )}
      </div>
      {paging.pageCount > 1 && <Pager page={paging.page} pageCount={paging.pageCount} onPage={setPage} what={layout === 'speaker' ? 'thumbnails' : 'tiles'} />}
    </div>
  );
}

function SelfView({ media, badges, speaking, style, className }: { media: MediaState; badges: TileBadge[]; speaking: boolean; style?: CSSProperties; className?: string }) {
  return (
    <SelfTile
      name={media.displayName}
      stream={media.localStream}
      cameraOn={media.cameraOn}
      micOn={media.micOn}
      speaking={speaking}
      badges={badges}
      link={media.link}
      style={style}
      className={className}
    />
  );
}

function Pager({ page, pageCount, onPage, what }: { page: number; pageCount: number; onPage: (page: number) => void; what: string }) {
  return (
    <nav className="stage-pager" aria-label={`Pages of ${what}`}>
      <button type="button" className="btn btn-quiet btn-icon" aria-label="Previous page" disabled={page === 0} onClick={() => onPage(page - 1)}>
        <ChevronLeft aria-hidden="true" />
      </button>
      <span className="stage-pager-count" data-testid="stage-page">
        Page {page + 1} of {pageCount}
      </span>
      <button type="button" className="btn btn-quiet btn-icon" aria-label="Next page" disabled={page >= pageCount - 1} onClick={() => onPage(page + 1)}>
        <ChevronRight aria-hidden="true" />
      </button>
    </nav>
  );
}

function gridStyle(fit: GridFit): CSSProperties {
  return { gridTemplateColumns: `repeat(${fit.columns}, ${fit.tileWidth}px)` };
}
