import { cn } from "./cn";

/** Shared by <Button> and links that look like buttons; no "use client", so server components can call it. */
export const buttonVariants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/50",
  secondary:
    "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/50",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
} as const;

export type ButtonStyle = { variant?: keyof typeof buttonVariants; size?: "sm" | "md" };

/** The button look, for links that act as buttons (e.g. `<Link className={buttonClasses()}>`). */
export function buttonClasses({ variant = "secondary", size = "md" }: ButtonStyle = {}, className?: string): string {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed",
    size === "sm" ? "h-8 px-2.5 text-sm" : "h-9 px-3.5 text-sm",
    buttonVariants[variant],
    className,
  );
}
