import { useMemo } from 'react'
import type { PeopleModeration } from '../panels/PeopleModeration'
import { admitEveryone, admitPerson, fetchPeople, removePerson } from './peopleApi'
import type { Facilitation } from './useFacilitation'

/** The People panel's facilitator actions, bound to this session (undefined for anyone else). */
export function usePeopleModeration(
  fac: Facilitation,
  session: { id: string; key: string },
): PeopleModeration | undefined {
  const { isFacilitator, waiting } = fac
  const { id, key } = session
  return useMemo(
    () =>
      isFacilitator
        ? {
            waiting,
            onAdmit: (person: string) => admitPerson(id, key, person),
            onAdmitAll: async () => (await admitEveryone(id, key)).admitted,
            onRemove: async (person: string, hide: boolean) =>
              (await removePerson(id, key, person, hide)).hidden,
            loadAdmitted: async () =>
              (await fetchPeople(id, key)).people
                .filter((p) => p.status === 'admitted')
                .map((p) => ({ id: p.person, name: p.name })),
          }
        : undefined,
    [isFacilitator, waiting, id, key],
  )
}
