"""Put the kiosk on any page with believable content, for ``yijiantong screenshot``.

The real flow runs against the real data thread and a real (temporary) store; only the
catalogues come from invented samples instead of a hub, and a "hub answer" is written into
the store where a page needs one (a confirmed booking). Every person, doctor, canteen and
hospital here is invented.
"""

from __future__ import annotations

from typing import Any

from kiosk.preview import admin, appointments, emergency, services
from kiosk.preview.driving import sample_person
from services.catalogue_cache import CatalogueCache
from services.store import Store, utcnow


def prepare_store(data_dir: str) -> None:
    """Fill a fresh data dir's catalogue cache with the sample."""
    store = Store(data_dir)
    with store.connect() as conn:
        cache = CatalogueCache(conn)
        now = utcnow()
        samples = appointments.sample_catalogues(now) | services.sample_catalogues(now)
        for name, catalogue in samples.items():
            cache.store(name, catalogue, f'"{catalogue.version}"')
        services.remember_sample_record(conn, sample_person(), now)


def has_walk(page: str) -> bool:
    return (
        page in appointments.WALK_NAMES
        or page in services.WALK_NAMES
        or page in emergency.WALK_NAMES
        or page in admin.PAGES
    )


def show_page(kiosk: Any, page: str) -> None:
    """Walk the real flow to ``page`` (any service page, ``identify``, ``phone``, an
    emergency state or an admin page)."""
    if page in appointments.WALK_NAMES:
        appointments.WALKS[page](kiosk.window, kiosk)
    elif page in services.WALK_NAMES:
        services.walk(page)(kiosk.window, kiosk)
    elif page in emergency.WALK_NAMES:
        emergency.WALKS[page](kiosk.window, kiosk)
    elif page in admin.PAGES:
        admin.prepare_store(str(kiosk.paths.data_dir), page)
        admin.walk(kiosk, page)
    else:
        raise KeyError(f"no preview walk for page {page!r}")
