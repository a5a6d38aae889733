import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { DUTY_STREAM, type DutyEvent } from '../../api/duty.ts'

/** How long to wait before opening the stream again once the browser gave it up. */
const RECONNECT_MS = 15_000
/** The stream's event names: one `duty` event, or one per type (either is read). */
const EVENT_NAMES = ['duty', 'message', 'incident', 'overdue', 'opinion', 'report']

/**
 * The duty office's live stream (/api/duty/stream): calls `onEvent` for each new incident,
 * report, passed deadline or opinion item, without reloading the page. Answers whether the
 * stream is open, for the board to say so.
 */
export function useDutyStream(onEvent: (event: DutyEvent) => void): boolean {
  const handler = useRef(onEvent)
  useEffect(() => {
    handler.current = onEvent
  })
  const [open, setOpen] = useState(false)
  useEffect(() => {
    let source: EventSource | null = null
    let retry: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const connect = () => {
      source = new EventSource(DUTY_STREAM)
      source.onopen = () => setOpen(true)
      for (const name of EVENT_NAMES)
        source.addEventListener(name, (message) => {
          const data = parse((message as MessageEvent<string>).data)
          if (!data) return
          handler.current({ type: data.type ?? name, id: data.id ?? '' })
        })
      source.onerror = () => {
        setOpen(false)
        if (source?.readyState === EventSource.CLOSED && !stopped)
          retry = setTimeout(connect, RECONNECT_MS)
      }
    }
    connect()
    return () => {
      stopped = true
      clearTimeout(retry)
      source?.close()
    }
  }, [])
  return open
}

function parse(text: string): Partial<DutyEvent> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Partial<DutyEvent>) : null
  } catch {
    return null
  }
}

// ── the alert tone ──────────────────────────────────────────────────────────────────────────

const SOUND_KEY = 'zhengling:duty-sound'
const listeners = new Set<() => void>()
let audio: AudioContext | null = null

function storedSound(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) !== 'off'
  } catch {
    return true
  }
}

let soundOn = typeof window === 'undefined' ? true : storedSound()

/** 提示音 on or off, remembered in this browser (on until switched off). */
export function useSoundOn(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => soundOn,
    () => true,
  )
  return [on, setSoundOn]
}

function setSoundOn(on: boolean): void {
  soundOn = on
  try {
    window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off')
  } catch {
    // A browser without storage forgets the choice on the next visit.
  }
  if (on) unlockAudio()
  for (const listener of listeners) listener()
}

/**
 * Browsers let a page sound only after the person touched it: the board calls this on the first
 * click or key anywhere (and on switching 提示音 on), so a later alert can sound unattended.
 */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext()
    void audio.resume()
  } catch {
    audio = null
  }
}

/**
 * Two short tones (a passed deadline: three, lower); answers what happened, which the banner
 * records: played, muted (switched off) or blocked (the browser has not been touched yet).
 */
export function playAlert(urgent: boolean): 'played' | 'muted' | 'blocked' {
  if (!soundOn) return 'muted'
  if (!audio || audio.state !== 'running') return 'blocked'
  const start = audio.currentTime
  const beeps = urgent ? 3 : 2
  for (let i = 0; i < beeps; i++) {
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.frequency.value = urgent ? 660 : 880
    gain.gain.setValueAtTime(0.2, start + i * 0.3)
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.3 + 0.25)
    oscillator.connect(gain).connect(audio.destination)
    oscillator.start(start + i * 0.3)
    oscillator.stop(start + i * 0.3 + 0.25)
  }
  return 'played'
}
