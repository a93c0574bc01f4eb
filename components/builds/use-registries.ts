"use client";

import useSWR from "swr";
import type { ApiError } from "@/lib/api/api-error";
import type { RegistriesDto } from "@/lib/dto/pipeline";
import { registriesKey } from "@/lib/routes";

/** The push targets the console holds credentials for (URLs only); the configuration changes rarely. */
export function useRegistries(enabled = true) {
  const { data, error, isLoading } = useSWR<RegistriesDto, ApiError>(enabled ? registriesKey() : null, {
    revalidateOnFocus: false,
  });
  return { registries: data?.registries ?? null, error: error ?? null, loading: isLoading };
}
